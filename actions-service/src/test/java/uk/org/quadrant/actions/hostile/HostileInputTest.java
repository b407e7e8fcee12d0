package uk.org.quadrant.actions.hostile;

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
import uk.org.quadrant.actions.support.AuditsStub;
import uk.org.quadrant.actions.support.IndicatorsStub;
import uk.org.quadrant.common.testing.support.WithTestTokens;
import uk.org.quadrant.common.testing.support.PlainHttp;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static uk.org.quadrant.common.testing.hostile.Hostile.Target;

/**
 * Issue 8, hostile input: every write route of actions-service's router gets the hostile corpus
 * ({@link Hostile}) as the manager (plans, actions, the business plan) or CSC's lead (progress on the
 * action it leads, a recommendation turned into an action). Success measures are read from a
 * real-HTTP stand-in for indicators-service.
 *
 * <p>Adding a write endpoint: add a {@link Target} to {@link #targets()}, or this test fails.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends WithTestTokens {

    private final IndicatorsStub indicators = new IndicatorsStub().know("HOS-IND");
    /** audits-service, which states each recommendation (a fresh one of a CSC audit per request). */
    private final AuditsStub audits = new AuditsStub();
    private final AtomicInteger counter = new AtomicInteger();

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
    private String plan;
    private String action;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(indicators.properties());
        p.putAll(audits.properties());
        return p;
    }

    @AfterAll
    void stopStandIns() {
        indicators.close();
        audits.close();
    }

    @BeforeAll
    void seed() {
        http = Hostile.http(server.getURL().toString(), json);
        db = new Hostile.Db(dataSource);
        plan = id(http.ok("POST", "/api/v1/plans", manager(), planBody()));
        action = id(http.ok("POST", "/api/v1/plans/" + plan + "/actions", manager(), actionBody("1")));
    }

    private static String id(Map<String, Object> body) {
        Object id = body.get("id");
        if (id == null) {
            throw new AssertionError("no id in " + body);
        }
        return String.valueOf(((Number) id).longValue());
    }

    private static Map<String, Object> planBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Hostile input learning review plan");
        m.put("sourceType", "LEARNING_REVIEW");
        m.put("sourceRef", "LR-HOSTILE");
        m.put("owner", "Business manager");
        m.put("startDate", "2018-01-01");
        return m;
    }

    private static Map<String, Object> actionBody(String ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", ref);
        m.put("issue", "Information not shared at the front door");
        m.put("action", "Agree an information-sharing protocol");
        m.put("outcome", "Referrals carry the history");
        m.put("measure", "Re-referrals fall");
        m.put("measureIndicator", "HOS-IND");
        m.put("measureComparator", "LTE");
        m.put("measureTarget", 20);
        m.put("dueDate", LocalDate.now().plusDays(100).toString());
        m.put("leadRole", "Head of Safeguarding");
        m.put("leadAgency", "CSC");
        m.put("priority", 3);
        return m;
    }

    private Object versionOf(String path) {
        PlainHttp.Res res = http.send("GET", path, manager(), null, null);
        return res.status() == 200 ? http.map(res.body()).get("version") : null;
    }

    private Target asManager(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "the manager", this::manager, body);
    }

    private Target asLead(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "CSC's lead", this::cscLead, body);
    }

    List<Target> targets() {
        return List.of(
                asManager("POST", "/api/v1/plans", Map.of(), () -> {
                    Map<String, Object> m = planBody();
                    m.put("sourceRef", "LR-HOSTILE-" + counter.incrementAndGet()); // one plan per source
                    return m;
                }),
                asManager("PUT", "/api/v1/plans/{id}", Map.of("id", plan), () -> {
                    Map<String, Object> m = planBody();
                    m.put("version", versionOf("/api/v1/plans/" + plan));
                    return m;
                }),
                asManager("POST", "/api/v1/plans/{id}/actions", Map.of("id", plan), () -> actionBody("N" + counter.incrementAndGet())),
                asManager("PUT", "/api/v1/actions/{id}", Map.of("id", action), () -> {
                    Map<String, Object> m = actionBody("1");
                    m.put("version", versionOf("/api/v1/actions/" + action));
                    return m;
                }),
                asLead("POST", "/api/v1/actions/{id}/updates", Map.of("id", action), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("narrative", "Protocol drafted");
                    m.put("difference", "Fewer repeat referrals");
                    m.put("status", "IN_PROGRESS");
                    m.put("version", versionOf("/api/v1/actions/" + action));
                    m.put("date", LocalDate.now().toString());
                    m.put("authorRole", "Head of Safeguarding");
                    m.put("evidenceLink", "https://example.org/evidence");
                    return m;
                }),
                asLead("POST", "/api/v1/actions/from-recommendation", Map.of(), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.putAll(audits.recommendation("CSC").request());
                    m.put("leadRole", "Practice lead");
                    m.put("dueDate", LocalDate.now().plusDays(60).toString());
                    m.put("priority", 2);
                    return m;
                }),
                asManager("POST", "/api/v1/business-plan", Map.of(), () -> {
                    int n = counter.incrementAndGet();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("planYear", (2100 + n) + "April");
                    m.put("kind", "PRIORITY");
                    m.put("number", 1);
                    m.put("title", "Neglect");
                    m.put("means", "Through the neglect strategy");
                    return m;
                }));
    }

    @Test
    void everyWriteRouteOfTheRouterIsAimedAt() {
        Hostile.assertEveryWriteRouteListed(router, targets());
    }

    @TestFactory
    List<DynamicNode> everyWriteRouteWithHostileInput() {
        return Hostile.run(targets(), "action_item", http, db);
    }
}
