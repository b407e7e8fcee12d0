package uk.org.quadrant.audits.isolation;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.org.quadrant.common.access.ServiceReaderRule;
import uk.org.quadrant.common.testing.support.WithTestTokens;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import uk.org.quadrant.common.testing.isolation.Matrix;
import uk.org.quadrant.common.testing.support.PlainHttp;

import static uk.org.quadrant.common.testing.isolation.Matrix.AGENCY_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.Forgery;
import static uk.org.quadrant.common.testing.isolation.Matrix.Sender;
import static uk.org.quadrant.common.testing.isolation.Matrix.forge;
import static uk.org.quadrant.common.testing.isolation.Matrix.BOARD_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_READ;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.OWN_AGENCY_READ;
import static uk.org.quadrant.common.testing.isolation.Matrix.PUBLIC;
import static uk.org.quadrant.common.testing.isolation.Matrix.Route;
import static uk.org.quadrant.common.testing.isolation.Matrix.Rule;
import static uk.org.quadrant.common.testing.isolation.Matrix.SIGNED_IN;

/**
 * Issue 8, access control: every route of audits-service's router × every kind of caller. Agency A is
 * TVP, agency B is CSC. B owns a single-agency audit (with a case, a concern and a recommendation) and
 * a Section 11 self-assessment; A takes part in neither, so to A they do not exist: every read and
 * every write on them answers exactly as for a made-up id (404), nothing of them reaches A, no refused
 * write changes a row. The chair's one write is the Section 11 challenge (docs/api.md).
 *
 * <p>Adding an endpoint: add one line to {@link #table()} with its rule, or this test fails.
 */
@MicronautTest(transactional = false)
class IsolationMatrixTest extends WithTestTokens {

    static final String SECRET_TITLE = "Isolation CSC-only supervision audit";
    static final String SECRET_FINDING = "Isolation secret: fathers were not seen";
    static final String SECRET_EVIDENCE = "Isolation secret evidence of CSC";
    static final String MADE_UP = "987654321";

    /** A hidden record: writes by another agency answer 404, exactly like a record that does not exist. */
    static final Rule HIDDEN_WRITE = AGENCY_WRITE.otherAgency(404, true).named("own agency's write (404 for others)");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    ServiceReaderRule serviceReader;

    private PlainHttp http;
    private final Map<String, String> real = new LinkedHashMap<>();
    private final Map<String, String> madeUp = new LinkedHashMap<>();

    // ---- data of agency B (CSC) -------------------------------------------------------------------------

    @BeforeAll
    void seed() {
        http = Matrix.http(server.getURL().toString(), json);
        Map<String, Object> audit = auditBody(SECRET_TITLE, "CSC");
        String auditId = id(http.ok("POST", "/api/v1/audits", cscUser(), audit));
        String caseId = id(http.ok("POST", "/api/v1/audits/" + auditId + "/cases", cscUser(),
                Map.of("caseRef", "CSC-2050-01", "grade", "GOOD")));
        String finding = id(http.ok("POST", "/api/v1/audits/" + auditId + "/findings", cscUser(),
                Map.of("kind", "CONCERN", "text", SECRET_FINDING, "themes", List.of("NEGLECT"))));
        String recommendation = id(http.ok("POST", "/api/v1/audits/" + auditId + "/findings", cscUser(),
                Map.of("kind", "RECOMMENDATION", "text", "Isolation recommendation", "themes", List.of())));
        String assessment = id(http.ok("POST", "/api/v1/section11/assessments", cscLead(), Map.of("cycle", "2018April")));
        http.ok("PUT", "/api/v1/section11/assessments/" + assessment + "/standards/S11-1", cscUser(),
                Map.of("rag", "AMBER", "evidence", SECRET_EVIDENCE));
        // A's own audit, so that A's lists are not empty by accident.
        http.ok("POST", "/api/v1/audits", tvpUser(),
                auditBody("Isolation TVP audit", "TVP"));

        real.putAll(Map.of("id", auditId, "caseId", caseId, "finding", finding, "recommendation", recommendation,
                "assessment", assessment, "code", "S11-1", "selector", "liveness"));
        madeUp.putAll(Map.of("id", MADE_UP, "caseId", MADE_UP, "finding", MADE_UP, "recommendation", MADE_UP,
                "assessment", MADE_UP, "code", "S11-1", "selector", "liveness"));
    }

    private static Map<String, Object> auditBody(String title, String lead) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "SINGLE_AGENCY_AUDIT");
        m.put("title", title);
        m.put("leadAgency", lead);
        m.put("participatingAgencies", List.of());
        m.put("periodStart", "2050-01-01");
        m.put("periodEnd", "2050-03-31");
        m.put("gradingScale", "OFSTED");
        m.put("complianceThresholdPercent", 75);
        return m;
    }

    private static String id(Map<String, Object> body) {
        Object id = body.get("id");
        if (id == null) {
            throw new AssertionError("no id in " + body);
        }
        return String.valueOf(((Number) id).longValue());
    }

    /** The audit's current body for a PUT (what the manager reads, minus read-only fields). */
    private Map<String, Object> editableAudit() {
        PlainHttp.Res res = http.send("GET", "/api/v1/audits/" + real.get("id"), manager(), null, null);
        Map<String, Object> a = http.map(res.body());
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("type", "title", "leadAgency", "participatingAgencies", "periodStart", "periodEnd",
                "status", "gradingScale", "complianceThresholdPercent", "version")) {
            if (a.get(k) != null) {
                m.put(k, a.get(k));
            }
        }
        m.put("title", "Changed by someone who may not");
        return m;
    }

    private Object versionOf(String path) {
        PlainHttp.Res res = http.send("GET", path, manager(), null, null);
        return res.status() == 200 ? http.map(res.body()).get("version") : null;
    }

    // ---- the table: one line per route ----------------------------------------------------------------

    private Route route(String method, String template, Rule rule) {
        return new Route(method, template, rule, real, madeUp, null, () -> null, null);
    }

    List<Route> table() {
        String a = "/api/v1/audits";
        String s11 = "/api/v1/section11";
        return List.of(
                route("GET", "/health", PUBLIC),
                route("GET", "/health/{selector}", PUBLIC),
                route("GET", "/prometheus", PUBLIC),
                route("GET", "/api/v1/me", SIGNED_IN),
                route("GET", "/api/v1/change-log", MANAGER_READ),
                route("GET", "/api/v1/read-log", MANAGER_READ),
                // Audits: A lists its own and those it takes part in; B's audit is a 404 for A, read or write.
                route("GET", a, SIGNED_IN),
                route("GET", a + "/recent", SIGNED_IN).query("agency=CSC&limit=5"),
                route("POST", a, AGENCY_WRITE).body(() -> auditBody("Refused audit for CSC", "CSC")),
                route("GET", a + "/{id}", OWN_AGENCY_READ),
                route("PUT", a + "/{id}", HIDDEN_WRITE).body(this::editableAudit),
                route("GET", a + "/{id}/cases", OWN_AGENCY_READ),
                route("POST", a + "/{id}/cases", HIDDEN_WRITE).body(() -> Map.of("caseRef", "CSC-2050-02", "grade", "GOOD",
                        "agency", "CSC")),
                route("PUT", a + "/{id}/cases/{caseId}", HIDDEN_WRITE).body(() -> Map.of("caseRef", "CSC-2050-01",
                        "grade", "INADEQUATE", "agency", "CSC", "version", 0)),
                route("DELETE", a + "/{id}/cases/{caseId}", HIDDEN_WRITE),
                route("GET", a + "/{id}/grades", OWN_AGENCY_READ),
                route("GET", "/api/v1/grades", SIGNED_IN).query("from=2050-01-01&to=2050-12-31"),
                route("GET", a + "/{id}/findings", OWN_AGENCY_READ),
                route("POST", a + "/{id}/findings", HIDDEN_WRITE).body(() -> Map.of("kind", "CONCERN", "text", "refused",
                        "themes", List.of("NEGLECT"), "agency", "CSC")),
                route("GET", "/api/v1/findings/{id}", OWN_AGENCY_READ).real("id", real.get("finding")),
                route("PUT", "/api/v1/findings/{id}", HIDDEN_WRITE).real("id", real.get("finding")).body(() -> Map.of("kind", "CONCERN", "text", "refused",
                        "themes", List.of(), "version", versionOf("/api/v1/findings/" + real.get("finding")))),
                route("DELETE", "/api/v1/findings/{id}", HIDDEN_WRITE).real("id", real.get("finding")),
                route("POST", "/api/v1/findings/{id}/action", HIDDEN_WRITE).real("id", real.get("recommendation")),
                // What actions-service asks before it makes an action: only for those who may send it (the chair: 403).
                route("GET", "/api/v1/findings/{id}/recommendation", new Rule("recommendation for those who may send it",
                        401, 404, true, 403, null, null)).real("id", real.get("recommendation")),
                // Vocabulary and scales: read by all, defined by the manager.
                route("GET", "/api/v1/themes", SIGNED_IN),
                route("POST", "/api/v1/themes", MANAGER_WRITE).body(() -> Map.of("code", "REFUSED_THEME", "label", "Refused")),
                route("PUT", "/api/v1/themes/{code}", MANAGER_WRITE).real("code", "NEGLECT").madeUp("code", "NO_SUCH_THEME").body(() -> Map.of("label", "Renamed", "active", false)),
                route("GET", "/api/v1/themes/analysis", SIGNED_IN).query("from=2050-01-01&to=2050-12-31&agency=CSC"),
                route("GET", "/api/v1/themes/evidence", SIGNED_IN).query("from=2050-01-01&to=2050-12-31&agency=CSC"),
                route("GET", "/api/v1/grading-scales", SIGNED_IN),
                route("POST", "/api/v1/grading-scales", MANAGER_WRITE).body(() -> Map.of("code", "REFUSED_SCALE",
                        "name", "Refused", "grades", List.of("YES", "NO"), "standard", "YES")),
                // Section 11: an agency its own assessment; the board all; the challenge is the board's.
                route("GET", s11 + "/standards", SIGNED_IN),
                route("PUT", s11 + "/standards/{code}", MANAGER_WRITE).body(() -> Map.of("code", "S11-1", "title", "Renamed")),
                route("GET", s11 + "/assessments", SIGNED_IN),
                route("POST", s11 + "/assessments", AGENCY_WRITE).body(() -> Map.of("agency", "CSC", "cycle", "2019April")),
                route("GET", s11 + "/assessments/{id}", OWN_AGENCY_READ).real("id", real.get("assessment")),
                route("PUT", s11 + "/assessments/{id}/standards/{code}", HIDDEN_WRITE).real("id", real.get("assessment"))
                        .body(() -> Map.of("rag", "RED", "evidence", "refused")),
                route("PUT", s11 + "/assessments/{id}/standards/{code}/challenge", BOARD_WRITE).real("id", real.get("assessment"))
                        .body(() -> Map.of("comment", "refused challenge")));
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void theTableListsEveryRouteOfTheRouterAndNoOther() {
        Matrix.assertTableCoversRouter(router, table());
    }

    @TestFactory
    List<DynamicNode> everyRouteForEveryCaller() {
        Matrix.Tokens t = new Matrix.Tokens(
                () -> tokens.expired("manager", null, "BOARD_MANAGER"),
                () -> tokens.signedByForeignKey("manager", null, "BOARD_MANAGER"),
                () -> tokens.wrongIssuer("manager", null, "BOARD_MANAGER"),
                () -> tvpUser(),
                () -> tvpLead(),
                () -> chair(),
                this::cscUser,
                this::cscLead);
        return Matrix.matrix(router, table(), t, Set.of(SECRET_TITLE, SECRET_FINDING, SECRET_EVIDENCE), http,
                new Matrix.Db(dataSource, table -> false));
    }

    // ---- ownership-bearing body fields (issue 14) ------------------------------------------------------
    //
    // The table above varies the path and the caller. Here agency A (TVP) writes to what is its own or
    // what it takes part in, in an otherwise-valid body naming another agency (CSC, OH) or the board in a
    // field that names an owner or a parent: its own single-agency audit, a board-commissioned
    // multi-agency audit it leads (CSC takes part, with a case view and a finding of its own) and one
    // CSC leads that it takes part in. Which fields must be varied is read from the router
    // (Matrix.assertOwnerFieldsForged), so a new field or route without a line here fails.

    private final Map<String, String> own = new LinkedHashMap<>();
    private int fieldSeq;

    private void seedOwnWork() {
        if (!own.isEmpty()) {
            return;
        }
        String tvpUser = tvpUser();
        String tvpOwn = id(http.ok("POST", "/api/v1/audits", tvpUser, auditBody("Ownership TVP own audit", "TVP")));
        String tvpCase = id(http.ok("POST", "/api/v1/audits/" + tvpOwn + "/cases", tvpUser, Map.of("caseRef", "TVP-2050-01", "grade", "GOOD")));
        String tvpFinding = id(http.ok("POST", "/api/v1/audits/" + tvpOwn + "/findings", tvpUser,
                Map.of("kind", "RECOMMENDATION", "text", "TVP's own recommendation", "themes", List.of())));
        Map<String, Object> maca = auditBody("Ownership MACA led by TVP", "TVP");
        maca.put("type", "MULTI_AGENCY_CASE_AUDIT");
        maca.put("participatingAgencies", List.of("CSC"));
        String shared = id(http.ok("POST", "/api/v1/audits", manager(), maca));
        String cscCase = id(http.ok("POST", "/api/v1/audits/" + shared + "/cases", cscUser(),
                Map.of("caseRef", "MACA-2050-01", "grade", "GOOD", "agency", "CSC")));
        http.ok("POST", "/api/v1/audits/" + shared + "/findings", cscUser(), Map.of("kind", "CONCERN", "text", "CSC's finding", "themes", List.of()));
        Map<String, Object> cscMaca = auditBody("Ownership MACA led by CSC", "CSC");
        cscMaca.put("type", "MULTI_AGENCY_CASE_AUDIT");
        cscMaca.put("participatingAgencies", List.of("TVP"));
        String cscLed = id(http.ok("POST", "/api/v1/audits", manager(), cscMaca));
        own.putAll(Map.of("tvpOwn", tvpOwn, "tvpCase", tvpCase, "tvpFinding", tvpFinding, "shared", shared, "cscCase", cscCase,
                "cscLed", cscLed));
    }

    /** An audit's current body for a PUT (as the manager reads it), with one field set. */
    private Map<String, Object> auditWith(String auditId, String field, Object value) {
        Map<String, Object> a = http.map(http.send("GET", "/api/v1/audits/" + auditId, manager(), null, null).body());
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("type", "title", "leadAgency", "participatingAgencies", "periodStart", "periodEnd",
                "status", "gradingScale", "complianceThresholdPercent", "version")) {
            if (a.get(k) != null) {
                m.put(k, a.get(k));
            }
        }
        m.put("title", "Ownership edit " + (++fieldSeq));
        if (field != null) {
            m.put(field, value);
        }
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(field, value);
        return m;
    }

    List<Forgery> fieldCases() {
        seedOwnWork();
        String a = "/api/v1/audits";
        String tvpOwn = own.get("tvpOwn");
        String shared = own.get("shared");
        String cscLed = own.get("cscLed");
        List<Forgery> cases = new ArrayList<>();
        Map<String, java.util.function.Supplier<String>> callers = new LinkedHashMap<>();
        callers.put("A's contributor", () -> tvpUser());
        callers.put("A's lead", () -> tvpLead());
        callers.forEach((who, token) -> {
            // POST /audits: A sets up work for another agency or the board, or opens its own to them
            for (String other : List.of("CSC", "BOARD")) {
                cases.add(fieldCase("POST " + a, "leadAgency", other, who, token, a,
                        () -> auditBody("Ownership refused", other), 403, false));
                cases.add(fieldCase("POST " + a, "participatingAgencies", "[" + other + "]", who, token, a,
                        () -> with(auditBody("Ownership refused", "TVP"), "participatingAgencies", List.of(other)), 400, true));
            }
            // PUT /audits/{id}: its own audit to another lead or more participants; the board's MACA it leads (finding 7)
            for (String other : List.of("CSC", "BOARD")) {
                cases.add(fieldCase("PUT " + a + "/{id}", "leadAgency", other + " (own audit)", who, token, a + "/" + tvpOwn,
                        () -> auditWith(tvpOwn, "leadAgency", other), 400, true));
                cases.add(fieldCase("PUT " + a + "/{id}", "participatingAgencies", "[" + other + "] (own audit)", who, token,
                        a + "/" + tvpOwn, () -> auditWith(tvpOwn, "participatingAgencies", List.of(other)), 400, true));
                cases.add(fieldCase("PUT " + a + "/{id}", "leadAgency", other + " (board's MACA A leads)", who, token,
                        a + "/" + shared, () -> auditWith(shared, "leadAgency", other), 400, true));
            }
            cases.add(fieldCase("PUT " + a + "/{id}", "participatingAgencies", "[CSC, OH] (board's MACA A leads)", who, token,
                    a + "/" + shared, () -> auditWith(shared, "participatingAgencies", List.of("CSC", "OH")), 403, true));
            cases.add(fieldCase("PUT " + a + "/{id}", "participatingAgencies", "[CSC, BOARD] (board's MACA A leads)", who,
                    token, a + "/" + shared, () -> auditWith(shared, "participatingAgencies", List.of("CSC", "BOARD")), 403, true));
            cases.add(fieldCase("PUT " + a + "/{id}", "participatingAgencies", "[] (CSC removed from the board's MACA)", who,
                    token, a + "/" + shared, () -> auditWith(shared, "participatingAgencies", List.of()), 403, true));
            // POST cases: a view in another agency's name, or the joint conclusion of an audit A does not lead
            for (String other : List.of("CSC", "BOARD")) {
                cases.add(fieldCase("POST " + a + "/{id}/cases", "agency", other + " (own audit)", who, token,
                        a + "/" + tvpOwn + "/cases", () -> Map.of("caseRef", "OWN-" + (++fieldSeq), "grade", "GOOD", "agency", other), 403, false));
                cases.add(fieldCase("POST " + a + "/{id}/cases", "agency", other + " (board's MACA A leads)", who, token,
                        a + "/" + shared + "/cases", () -> Map.of("caseRef", "OWN-" + (++fieldSeq), "grade", "GOOD", "agency", other), 403, false));
            }
            for (String other : List.of("CSC", "JOINT", "OH")) {
                cases.add(fieldCase("POST " + a + "/{id}/cases", "agency", other + " (MACA CSC leads)", who, token,
                        a + "/" + cscLed + "/cases", () -> Map.of("caseRef", "OWN-" + (++fieldSeq), "grade", "GOOD", "agency", other), 403, false));
            }
            // PUT cases: A's own view moved to another agency; CSC's view claimed as A's
            for (String other : List.of("CSC", "JOINT")) {
                cases.add(fieldCase("PUT " + a + "/{id}/cases/{caseId}", "agency", other + " (A's own view)", who, token,
                        a + "/" + tvpOwn + "/cases/" + own.get("tvpCase"), () -> Map.of("caseRef", "TVP-2050-01", "grade", "INADEQUATE",
                        "agency", other, "version", caseVersion(tvpOwn, own.get("tvpCase"))), 400, true));
            }
            cases.add(fieldCase("PUT " + a + "/{id}/cases/{caseId}", "agency", "TVP (CSC's view in the board's MACA)", who, token,
                    a + "/" + shared + "/cases/" + own.get("cscCase"), () -> Map.of("caseRef", "MACA-2050-01", "grade", "INADEQUATE",
                    "agency", "TVP", "version", caseVersion(shared, own.get("cscCase"))), 403, false));
            // findings: filed under an agency that does not take part (the lead agency of the action a recommendation becomes)
            for (String other : List.of("CSC", "BOARD")) {
                cases.add(fieldCase("POST " + a + "/{id}/findings", "agency", other + " (own audit)", who, token,
                        a + "/" + tvpOwn + "/findings", () -> Map.of("kind", "RECOMMENDATION", "text", "Ownership refused",
                        "themes", List.of(), "agency", other), 403, true));
                cases.add(fieldCase("PUT /api/v1/findings/{id}", "agency", other + " (own audit's finding)", who, token,
                        "/api/v1/findings/" + own.get("tvpFinding"), () -> Map.of("kind", "RECOMMENDATION", "text", "Ownership refused",
                        "themes", List.of(), "agency", other, "version", versionOf("/api/v1/findings/" + own.get("tvpFinding"))), 403, true));
            }
            cases.add(fieldCase("POST " + a + "/{id}/findings", "agency", "OH (MACA CSC leads)", who, token,
                    a + "/" + cscLed + "/findings", () -> Map.of("kind", "CONCERN", "text", "Ownership refused", "themes", List.of(),
                    "agency", "OH"), 403, true));
            // Section 11: another agency's self-assessment
            for (String other : List.of("CSC", "BOARD")) {
                cases.add(fieldCase("POST /api/v1/section11/assessments", "agency", other, who, token,
                        "/api/v1/section11/assessments", () -> Map.of("agency", other, "cycle", "2031April"), 403, false));
            }
        });
        // Controls: the same bodies with A's own values are accepted.
        var tvpUser = callers.get("A's contributor");
        cases.add(fieldCase("POST " + a, "leadAgency", "TVP", "A's contributor", tvpUser, a,
                () -> auditBody("Ownership control", "TVP"), 201, false));
        cases.add(fieldCase("PUT " + a + "/{id}", "participatingAgencies", "unchanged", "A's contributor", tvpUser,
                a + "/" + shared, () -> auditWith(shared, null, null), 200, false));
        cases.add(fieldCase("POST " + a + "/{id}/cases", "agency", "TVP", "A's contributor", tvpUser, a + "/" + cscLed + "/cases",
                () -> Map.of("caseRef", "OWN-" + (++fieldSeq), "grade", "GOOD", "agency", "TVP"), 201, false));
        cases.add(fieldCase("PUT " + a + "/{id}/cases/{caseId}", "agency", "TVP", "A's contributor", tvpUser,
                a + "/" + tvpOwn + "/cases/" + own.get("tvpCase"), () -> Map.of("caseRef", "TVP-2050-01", "grade", "INADEQUATE",
                "agency", "TVP", "version", caseVersion(tvpOwn, own.get("tvpCase"))), 200, false));
        cases.add(fieldCase("POST " + a + "/{id}/findings", "agency", "CSC (takes part in the MACA CSC leads)",
                "A's contributor", tvpUser, a + "/" + cscLed + "/findings", () -> Map.of("kind", "CONCERN", "text", "Ownership control",
                "themes", List.of(), "agency", "CSC"), 201, false));
        cases.add(fieldCase("PUT /api/v1/findings/{id}", "agency", "TVP", "A's contributor", tvpUser,
                "/api/v1/findings/" + own.get("tvpFinding"), () -> Map.of("kind", "RECOMMENDATION", "text", "Ownership control",
                "themes", List.of(), "agency", "TVP", "version", versionOf("/api/v1/findings/" + own.get("tvpFinding"))), 200, false));
        cases.add(fieldCase("POST /api/v1/section11/assessments", "agency", "TVP", "A's contributor", tvpUser,
                "/api/v1/section11/assessments", () -> Map.of("agency", "TVP", "cycle", "2031April"), 201, false));
        return cases;
    }

    private Object caseVersion(String auditId, String caseId) {
        PlainHttp.Res res = http.send("GET", "/api/v1/audits/" + auditId + "/cases", manager(), null, null);
        try {
            for (Map<String, Object> c : json.readValue(res.body(), io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)))) {
                if (caseId.equals(String.valueOf(c.get("id")))) {
                    return c.get("version");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no case " + caseId + " in " + res);
    }

    /**
     * One try: {@code who} sends {@code route} to {@code path} with {@code field} set to {@code value};
     * a 2xx {@code expected} is a control (the caller's own value, accepted), otherwise the refusal's
     * status; {@code namesField}: the problem+json names the field.
     */
    private static Forgery fieldCase(String route, String field, String value, String who, Supplier<String> token, String path,
                                     Supplier<Object> body, int expected, boolean namesField) {
        Forgery f = forge(route, field, value).by(Sender.as(who, token)).to(path).json(body);
        f = expected < 300 ? f.control(expected) : f.refused(expected);
        return namesField ? f.namingTheField() : f;
    }

    /**
     * Body fields that name an owner or a parent record here: an agency, a lead agency, the agencies
     * taking part, and any {@code …Id} (a parent named in the body rather than the path).
     */
    private static boolean namesOwnerOrParent(String field) {
        return Set.of("agency", "leadAgency", "participatingAgencies", "agencies", "owner", "ownerAgency").contains(field)
                || (field.endsWith("Id") && field.length() > 2);
    }

    @Test
    void everyOwnershipBearingBodyFieldIsVaried() {
        Matrix.assertOwnerFieldsForged(router, fieldCases(), Map.of(), IsolationMatrixTest::namesOwnerOrParent, true);
    }

    @TestFactory
    List<DynamicNode> ownershipBearingBodyFieldsNamingAnotherAgencyAreRefused() {
        // By route, and each route's controls after its refusals (a control writes).
        List<Forgery> cases = new ArrayList<>(fieldCases());
        cases.sort(java.util.Comparator.comparing(Forgery::route).thenComparing((Forgery f) -> f.control()));
        return Matrix.forgeries(cases, null, Set.of(), List.of(), http, new Matrix.Db(dataSource, table -> false));
    }

    /** Issue 18: the gateway's service identity reads nothing here: every route refuses it, whatever else its token carries. */
    @TestFactory
    List<DynamicNode> theGatewaysServiceIdentityIsRefusedEverywhere() {
        return Matrix.serviceReader(router, table(), serviceReader.reads(), List.of(), tokens, http,
                new Matrix.Db(dataSource, table -> false));
    }

    @TestFactory
    List<DynamicNode> onlyHealthAndPrometheusOfTheManagementEndpoints() {
        return Matrix.operationalEndpointsNotServed(http, this::manager);
    }

    @TestFactory
    List<DynamicNode> pathVariantsDoNotSlipPast() {
        List<DynamicNode> nodes = new ArrayList<>();
        String tvpLead = tvpLead();
        nodes.addAll(Matrix.pathVariants("A's lead on B's audit", "/api/v1/audits/" + real.get("id"),
                () -> tvpLead, SECRET_TITLE, http));
        nodes.addAll(Matrix.pathVariants("A's lead on B's finding", "/api/v1/findings/" + real.get("finding"),
                () -> tvpLead, SECRET_FINDING, http));
        nodes.addAll(Matrix.pathVariants("A's lead on B's findings list", "/api/v1/audits/" + real.get("id") + "/findings",
                () -> tvpLead, SECRET_FINDING, http));
        nodes.addAll(Matrix.pathVariants("A's lead on B's Section 11 assessment",
                "/api/v1/section11/assessments/" + real.get("assessment"), () -> tvpLead, SECRET_EVIDENCE, http));
        nodes.addAll(Matrix.pathVariants("A's lead on the change log", "/api/v1/change-log?limit=500",
                () -> tvpLead, SECRET_FINDING, http));
        nodes.addAll(Matrix.pathVariants("no token on B's audit", "/api/v1/audits/" + real.get("id"),
                () -> null, SECRET_TITLE, http));
        return nodes;
    }
}
