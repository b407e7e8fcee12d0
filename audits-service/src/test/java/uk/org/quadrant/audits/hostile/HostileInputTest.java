package uk.org.quadrant.audits.hostile;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.org.quadrant.common.testing.hostile.Hostile;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.support.WithTestTokens;
import uk.org.quadrant.common.testing.support.PlainHttp;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static uk.org.quadrant.common.testing.hostile.Hostile.Target;

/**
 * Issue 8, hostile input: every write route of audits-service's router gets the hostile corpus
 * ({@link Hostile}) as the manager (definitions, the Section 11 challenge) or CSC's lead (its audits,
 * cases, findings and self-assessment). The one route that calls actions-service reaches a real-HTTP
 * stand-in that creates an action.
 *
 * <p>Adding a write endpoint: add a {@link Target} to {@link #targets()}, or this test fails.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends WithTestTokens {

    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger actionIds = new AtomicInteger(100);
    /** actions-service: every recommendation becomes a new action. */
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/actions/from-recommendation", request ->
            new Answer(201, "application/json", "{\"id\":" + actionIds.incrementAndGet() + ",\"planId\":1,\"ref\":\"1\",\"status\":\"NOT_STARTED\"}"));

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    private PlainHttp http;
    private Hostile.Db db;
    /** Path variables; the DELETE preparations replace the ids they re-create. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("micronaut.http.services.actions.url", actions.url());
        return p;
    }

    @AfterAll
    void stopStandIns() {
        actions.close();
    }

    // ---- data ------------------------------------------------------------------------------------------

    @BeforeAll
    void seed() {
        http = Hostile.http(server.getURL().toString(), json);
        // The case read log grows with every read of cases (the harness reads to fill paths): not a write.
        db = new Hostile.Db(dataSource, table -> table.equals("case_read_log"));
        String audit = id(http.ok("POST", "/api/v1/audits", cscLead(), auditBody("Hostile input audit")));
        ids.put("id", audit);
        Map<String, Object> firstCase = caseBody();
        ids.put("caseRef", (String) firstCase.get("caseRef"));
        ids.put("caseId", id(http.ok("POST", "/api/v1/audits/" + audit + "/cases", cscLead(), firstCase)));
        ids.put("finding", id(http.ok("POST", "/api/v1/audits/" + audit + "/findings", cscLead(), findingBody("CONCERN"))));
        ids.put("recommendation", id(http.ok("POST", "/api/v1/audits/" + audit + "/findings", cscLead(), findingBody("RECOMMENDATION"))));
        ids.put("assessment", id(http.ok("POST", "/api/v1/section11/assessments", cscLead(), Map.of("cycle", "2018April"))));
        http.ok("POST", "/api/v1/themes", manager(), Map.of("code", "HOSTILE_THEME", "label", "Hostile theme"));
        recreateCase();
        recreateFinding();
    }

    private static String id(Map<String, Object> body) {
        Object id = body.get("id");
        if (id == null) {
            throw new AssertionError("no id in " + body);
        }
        return String.valueOf(((Number) id).longValue());
    }

    private static Map<String, Object> auditBody(String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "SINGLE_AGENCY_AUDIT");
        m.put("title", title);
        m.put("leadAgency", "CSC");
        m.put("participatingAgencies", List.of());
        m.put("periodStart", "2050-01-01");
        m.put("periodEnd", "2050-03-31");
        m.put("scope", 10);
        m.put("summary", "What we looked at");
        m.put("gradingScale", "OFSTED");
        m.put("complianceThresholdPercent", 75);
        return m;
    }

    private Map<String, Object> caseBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseRef", "CSC-2050-" + counter.incrementAndGet());
        m.put("grade", "GOOD");
        m.put("agency", "CSC");
        m.put("summary", "Seen and heard");
        return m;
    }

    private static Map<String, Object> findingBody(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("text", "Fathers were not routinely seen");
        m.put("themes", List.of("NEGLECT"));
        m.put("agency", "CSC");
        return m;
    }

    private void recreateCase() {
        ids.put("deletableCase", id(http.ok("POST", "/api/v1/audits/" + ids.get("id") + "/cases", cscLead(), caseBody())));
    }

    private void recreateFinding() {
        ids.put("deletableFinding", id(http.ok("POST", "/api/v1/audits/" + ids.get("id") + "/findings", cscLead(), findingBody("CONCERN"))));
    }

    private Object versionOf(String path) {
        PlainHttp.Res res = http.send("GET", path, manager(), null, null);
        return res.status() == 200 ? http.map(res.body()).get("version") : null;
    }

    private Map<String, Object> withVersion(Map<String, Object> body, String path) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put("version", versionOf(path));
        return m;
    }

    // ---- the write routes ------------------------------------------------------------------------------

    /** Path variables read from {@link #ids} when the request is made (a DELETE's id changes). */
    private Map<String, String> vars(String... kv) {
        return new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Entry<String, String>> entrySet() {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < kv.length; i += 2) {
                    m.put(kv[i], ids.getOrDefault(kv[i + 1], kv[i + 1]));
                }
                return m.entrySet();
            }
        };
    }

    private Target asManager(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "the manager", this::manager, body);
    }

    private Target asLead(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "CSC's lead", this::cscLead, body);
    }

    List<Target> targets() {
        String a = "/api/v1/audits";
        String s11 = "/api/v1/section11";
        return List.of(
                asLead("POST", a, vars(), () -> auditBody("A new audit")),
                asLead("PUT", a + "/{id}", vars("id", "id"), () -> withVersion(auditBody("Hostile input audit"), a + "/" + ids.get("id"))),
                asLead("POST", a + "/{id}/cases", vars("id", "id"), this::caseBody),
                asLead("PUT", a + "/{id}/cases/{caseId}", vars("id", "id", "caseId", "caseId"), () -> {
                    Map<String, Object> m = caseBody();
                    m.put("caseRef", ids.get("caseRef")); // a case reference never changes
                    m.put("domainGrades", Map.of("VOICE_OF_THE_CHILD", "GOOD"));
                    m.put("version", caseVersion(ids.get("caseId")));
                    return m;
                }),
                asLead("DELETE", a + "/{id}/cases/{caseId}", vars("id", "id", "caseId", "deletableCase"), Map::of)
                        .prepare(this::recreateCase),
                asLead("POST", a + "/{id}/findings", vars("id", "id"), () -> findingBody("CONCERN")),
                asLead("PUT", "/api/v1/findings/{id}", vars("id", "finding"),
                        () -> withVersion(findingBody("CONCERN"), "/api/v1/findings/" + ids.get("finding"))),
                asLead("DELETE", "/api/v1/findings/{id}", vars("id", "deletableFinding"), Map::of).prepare(this::recreateFinding),
                asLead("POST", "/api/v1/findings/{id}/action", vars("id", "recommendation"), Map::of),
                asManager("POST", "/api/v1/themes", vars(), () -> new LinkedHashMap<>(Map.of("code", "HOSTILE_" + counter.incrementAndGet(),
                        "label", "A new theme"))),
                asManager("PUT", "/api/v1/themes/{code}", vars("code", "HOSTILE_THEME"), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", "Renamed theme");
                    m.put("active", true);
                    return m;
                }),
                asManager("POST", "/api/v1/grading-scales", vars(), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", "HOSTILE_SCALE_" + counter.incrementAndGet());
                    m.put("name", "A scale");
                    m.put("grades", List.of("YES", "NO"));
                    m.put("standard", "YES");
                    return m;
                }),
                asManager("PUT", s11 + "/standards/{code}", vars("code", "S11-1"), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", "S11-1");
                    m.put("title", "Senior management commitment");
                    m.put("description", "Clear lines of accountability");
                    m.put("ordinal", 1);
                    m.put("active", true);
                    return m;
                }),
                asLead("POST", s11 + "/assessments", vars(), () -> new LinkedHashMap<>(Map.of("agency", "CSC",
                        "cycle", (2100 + counter.incrementAndGet()) + "April"))),
                asLead("PUT", s11 + "/assessments/{id}/standards/{code}", vars("id", "assessment", "code", "S11-1"), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("rag", "AMBER");
                    m.put("evidence", "Policy agreed, not yet audited");
                    m.put("version", standardVersion());
                    return m;
                }),
                asManager("PUT", s11 + "/assessments/{id}/standards/{code}/challenge", vars("id", "assessment", "code", "S11-1"),
                        () -> new LinkedHashMap<>(Map.of("comment", "Show us the audit"))));
    }

    private Object caseVersion(String caseId) {
        PlainHttp.Res res = http.send("GET", "/api/v1/audits/" + ids.get("id") + "/cases", manager(), null, null);
        try {
            List<Map<String, Object>> cases = json.readValue(res.body(),
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            return cases.stream().filter(c -> String.valueOf(((Number) c.get("id")).longValue()).equals(caseId))
                    .map(c -> c.get("version")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object standardVersion() {
        Map<String, Object> a = http.map(http.send("GET", "/api/v1/section11/assessments/" + ids.get("assessment"), manager(), null, null).body());
        Object standards = a.get("standards");
        if (standards instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> s && "S11-1".equals(s.get("code"))) {
                    return s.get("version");
                }
            }
        }
        return null;
    }

    // ---- the tests -------------------------------------------------------------------------------------

    @Test
    void everyWriteRouteOfTheRouterIsAimedAt() {
        Hostile.assertEveryWriteRouteListed(router, targets());
    }

    @TestFactory
    List<DynamicNode> everyWriteRouteWithHostileInput() {
        return Hostile.run(targets(), "audit", http, db);
    }
}
