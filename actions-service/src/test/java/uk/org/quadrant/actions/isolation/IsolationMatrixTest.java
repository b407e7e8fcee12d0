package uk.org.quadrant.actions.isolation;

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
import uk.org.quadrant.actions.support.AuditsStub;
import uk.org.quadrant.common.access.ServiceReaderRule;
import uk.org.quadrant.common.testing.support.WithTestTokens;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.org.quadrant.common.testing.isolation.Matrix;
import uk.org.quadrant.common.testing.support.PlainHttp;

import static uk.org.quadrant.common.testing.isolation.Matrix.AGENCY_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.Forgery;
import static uk.org.quadrant.common.testing.isolation.Matrix.REFUSED;
import static uk.org.quadrant.common.testing.isolation.Matrix.Sender;
import static uk.org.quadrant.common.testing.isolation.Matrix.forge;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_READ;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.PUBLIC;
import static uk.org.quadrant.common.testing.isolation.Matrix.Route;
import static uk.org.quadrant.common.testing.isolation.Matrix.Rule;
import static uk.org.quadrant.common.testing.isolation.Matrix.SIGNED_IN;

/**
 * Issue 8, access control: every route of actions-service's router × every kind of caller. Agency A is
 * TVP, agency B is CSC, which leads an action of a board plan. Plans and actions are read by everyone
 * signed in (docs/api.md), so for them "another agency" means writing: A records no progress on B's
 * action, nobody but the manager makes or changes plans, actions and the business plan, the chair
 * writes nothing, and closing an action is the manager's even for B's own users. The change log (old
 * and new values) is the manager's alone.
 *
 * <p>Adding an endpoint: add one line to {@link #table()} with its rule, or this test fails.
 */
@MicronautTest(transactional = false)
class IsolationMatrixTest extends WithTestTokens {

    static final String MADE_UP = "987654321";
    /** Only in the change log: B's narrative of an update later replaced... the log keeps old values. */
    static final String LOGGED_TITLE = "Isolation plan title before the rename";

    /**
     * Writes on records everyone may read: the refusal is a 403, and a made-up id is a 404 (nothing
     * hidden is revealed, since the real one is readable anyway).
     */
    static final Rule PUBLIC_RECORD_MANAGER_WRITE = MANAGER_WRITE.otherAgency(403, false)
            .named("manager-only write (record readable by all)");
    /** Progress on B's action by B (closing and re-opening: the manager); A: 403. */
    static final Rule CLOSING = new Rule("closing an action: the manager only", 401, 403, false, 403, 403, 403);

    /**
     * audits-service, which states recommendations: one of B's audit (A takes part in it) and one of
     * A's own audit.
     */
    private final AuditsStub audits = new AuditsStub();
    private final AuditsStub.Finding bFinding = audits.recommendation("CSC", "TVP");
    private final AuditsStub.Finding aFinding = audits.recommendation("TVP");

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

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        // No success measure is evaluated here; a dead port keeps the service from calling anything real.
        p.put("micronaut.http.services.indicators.url", "http://127.0.0.1:9");
        p.putAll(audits.properties());
        return p;
    }

    @AfterAll
    void stopStandIns() {
        audits.close();
    }

    // ---- data --------------------------------------------------------------------------------------------

    @BeforeAll
    void seed() {
        http = Matrix.http(server.getURL().toString(), json);
        String plan = id(http.ok("POST", "/api/v1/plans", manager(), Map.of("title", LOGGED_TITLE,
                "sourceType", "LEARNING_REVIEW", "sourceRef", "LR-ISOLATION")));
        Map<String, Object> renamed = new LinkedHashMap<>(Map.of("title", "Isolation learning review plan",
                "sourceType", "LEARNING_REVIEW", "sourceRef", "LR-ISOLATION", "version", 0));
        http.ok("PUT", "/api/v1/plans/" + plan, manager(), renamed);
        String action = id(http.ok("POST", "/api/v1/plans/" + plan + "/actions", manager(), actionBody("1", "CSC")));
        http.ok("POST", "/api/v1/actions/" + action + "/updates", cscLead(),
                Map.of("narrative", "Work started", "status", "IN_PROGRESS"));
        // A's action in the same plan (the service identity reads every agency's).
        http.ok("POST", "/api/v1/plans/" + plan + "/actions", manager(), actionBody("2", "TVP"));
        http.ok("POST", "/api/v1/business-plan", manager(), Map.of("planYear", "2050April", "kind", "PRIORITY",
                "number", 1, "title", "Isolation priority"));
        // The board's own plan (like the demo's JTAI inspection plan), which no recommendation may join.
        http.ok("POST", "/api/v1/plans", manager(), Map.of("title", "Isolation inspection plan", "sourceType", "INSPECTION",
                "sourceRef", "JTAI-ISOLATION"));
        real.putAll(Map.of("id", action, "plan", plan, "selector", "liveness"));
        madeUp.putAll(Map.of("id", MADE_UP, "plan", MADE_UP, "selector", "liveness"));
    }

    private static Map<String, Object> actionBody(String ref, String lead) {
        return new LinkedHashMap<>(Map.of("ref", ref, "issue", "Information not shared at the front door",
                "action", "Agree an information-sharing protocol", "dueDate", LocalDate.now().plusDays(100).toString(),
                "leadRole", "Head of Safeguarding", "leadAgency", lead, "priority", 3));
    }

    private static String id(Map<String, Object> body) {
        Object id = body.get("id");
        if (id == null) {
            throw new AssertionError("no id in " + body);
        }
        return String.valueOf(((Number) id).longValue());
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
        return List.of(
                route("GET", "/health", PUBLIC),
                route("GET", "/health/{selector}", PUBLIC),
                route("GET", "/prometheus", PUBLIC),
                route("GET", "/api/v1/me", SIGNED_IN),
                route("GET", "/api/v1/change-log", MANAGER_READ).query("limit=500"),
                route("GET", "/api/v1/plans", SIGNED_IN),
                route("POST", "/api/v1/plans", MANAGER_WRITE).body(() -> Map.of("title", "Refused plan",
                        "sourceType", "AUDIT", "sourceRef", "REFUSED")),
                route("GET", "/api/v1/plans/{id}", SIGNED_IN).real("id", real.get("plan")),
                route("PUT", "/api/v1/plans/{id}", PUBLIC_RECORD_MANAGER_WRITE).real("id", real.get("plan"))
                        .body(() -> Map.of("title", "Refused rename", "sourceType", "LEARNING_REVIEW",
                                "version", versionOf("/api/v1/plans/" + real.get("plan")))),
                route("POST", "/api/v1/plans/{id}/actions", PUBLIC_RECORD_MANAGER_WRITE).real("id", real.get("plan"))
                        .body(() -> actionBody("9", "CSC")),
                route("GET", "/api/v1/actions", SIGNED_IN).query("agency=CSC"),
                route("GET", "/api/v1/actions/{id}", SIGNED_IN),
                route("PUT", "/api/v1/actions/{id}", PUBLIC_RECORD_MANAGER_WRITE).body(() -> {
                    Map<String, Object> b = actionBody("1", "TVP");
                    b.put("version", versionOf("/api/v1/actions/" + real.get("id")));
                    return b;
                }),
                route("GET", "/api/v1/actions/{id}/updates", SIGNED_IN),
                route("GET", "/api/v1/plans/{id}/latest-updates", SIGNED_IN).real("id", real.get("plan")),
                route("GET", "/api/v1/updates", SIGNED_IN).query("from=2050-01-01&to=2050-12-31"),
                // The body closes B's action: A may not (403), nor B's own contributor or lead (the manager's).
                route("POST", "/api/v1/actions/{id}/updates", CLOSING).body(() -> Map.of("narrative", "Refused",
                        "difference", "None", "status", "CLOSED", "version", versionOf("/api/v1/actions/" + real.get("id")))),
                // B's recommendation as audits-service states it: A's users may not send it (403).
                route("POST", "/api/v1/actions/from-recommendation", AGENCY_WRITE).body(bFinding::request),
                route("GET", "/api/v1/actions/due", SIGNED_IN).query("days=365&agency=CSC"),
                route("GET", "/api/v1/rollups", SIGNED_IN).query("by=agency"),
                route("GET", "/api/v1/business-plan", SIGNED_IN),
                route("POST", "/api/v1/business-plan", MANAGER_WRITE).body(() -> Map.of("planYear", "2050April",
                        "kind", "PRIORITY", "number", 2, "title", "Refused")));
    }

    // ---- ownership-bearing body fields: one list per write route ------------------------------------------

    /**
     * A caller of the body-field matrix, with the body it may genuinely send to the route (its own
     * agency's values); null to use the route's own body.
     */
    record BodyCaller(String name, java.util.function.Supplier<String> token,
                      java.util.function.Supplier<Map<String, Object>> ownBody) {
    }

    /**
     * One body field that names an owner or a parent, set to someone else's value (another agency's,
     * the board's, another service's); {@code fields} are set together (a plan's type and reference).
     */
    record FieldVariant(String name, Map<String, Object> fields) {

        static FieldVariant of(String field, Object value) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(field, value);
            return new FieldVariant(field + "=" + value, m);
        }

        static FieldVariant of(String name, Object... kv) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put((String) kv[i], kv[i + 1]);
            }
            return new FieldVariant(name, m);
        }
    }

    private BodyCaller caller(String name, java.util.function.Supplier<String> token,
                                     java.util.function.Supplier<Map<String, Object>> ownBody) {
        return new BodyCaller(name, token, ownBody);
    }

    /** Every agency caller (A's and B's), with the route's own body. */
    private List<BodyCaller> agencyCallers() {
        return List.of(caller("A's contributor", () -> tvpUser(), null),
                caller("A's lead", () -> tvpLead(), null),
                caller("B's contributor", () -> cscUser(), null),
                caller("B's lead", () -> cscLead(), null));
    }

    /** A plan's source set to the board's plan, B's plan, A's audit's plan, or a new one. */
    private List<FieldVariant> planSources(String typeField, String refField) {
        return List.of(FieldVariant.of("the board's inspection plan", typeField, "INSPECTION", refField, "JTAI-ISOLATION"),
                FieldVariant.of("B's learning review plan", typeField, "LEARNING_REVIEW", refField, "LR-ISOLATION"),
                FieldVariant.of("A's audit's plan", typeField, "AUDIT", refField, aFinding.planSourceRef()),
                FieldVariant.of("B's audit's plan", typeField, "AUDIT", refField, bFinding.planSourceRef()),
                FieldVariant.of("a new audit plan", typeField, "AUDIT", refField, "audits:audit:" + MADE_UP),
                FieldVariant.of("a new business plan", typeField, "BUSINESS_PLAN", refField, "BP-ISOLATION"));
    }

    private List<FieldVariant> leads() {
        return List.of(FieldVariant.of("leadAgency", "TVP"), FieldVariant.of("leadAgency", "CSC"),
                FieldVariant.of("leadAgency", "BOARD"), FieldVariant.of("leadAgency", "EDU"));
    }

    private static List<FieldVariant> concat(List<FieldVariant> a, List<FieldVariant> b) {
        List<FieldVariant> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * For every write route of {@link #table()}: who sends it and which body fields name an owner or a
     * parent, each set to someone else's value. Adding a write route: add it here too, or
     * {@link #everyWriteRouteListsItsOwnershipFields} fails.
     */
    Map<String, Map.Entry<List<BodyCaller>, List<FieldVariant>>> ownershipFields() {
        Map<String, Map.Entry<List<BodyCaller>, List<FieldVariant>>> m = new LinkedHashMap<>();
        // The board manager's alone: whatever the body names, no agency user writes here.
        m.put("POST /api/v1/plans", Map.entry(agencyCallers(), concat(planSources("sourceType", "sourceRef"),
                List.of(FieldVariant.of("owner", "Thames Valley Police")))));
        m.put("PUT /api/v1/plans/{id}", Map.entry(agencyCallers(), concat(planSources("sourceType", "sourceRef"),
                List.of(FieldVariant.of("owner", "Thames Valley Police")))));
        m.put("POST /api/v1/plans/{id}/actions", Map.entry(agencyCallers(), concat(leads(),
                List.of(FieldVariant.of("measure on an indicator", "measureIndicator", "CSC-OWN", "measureComparator", "GTE",
                        "measureTarget", 1)))));
        m.put("PUT /api/v1/actions/{id}", Map.entry(agencyCallers(), concat(leads(),
                List.of(FieldVariant.of("measure on an indicator", "measureIndicator", "CSC-OWN", "measureComparator", "GTE",
                        "measureTarget", 1)))));
        m.put("POST /api/v1/business-plan", Map.entry(agencyCallers(), List.of(FieldVariant.of("planYear", "2018April"),
                FieldVariant.of("planYear", "2050April"))));
        // Progress belongs to the action in the path; naming another owner in the body confers nothing.
        Map<String, Object> progress = Map.of("narrative", "Refused", "status", "IN_PROGRESS");
        m.put("POST /api/v1/actions/{id}/updates", Map.entry(List.of(
                caller("A's contributor", () -> tvpUser(), () -> progress),
                caller("A's lead", () -> tvpLead(), () -> progress)),
                List.of(FieldVariant.of("leadAgency", "TVP"), FieldVariant.of("agency", "TVP"),
                        FieldVariant.of("actionId", real.get("id")), FieldVariant.of("planId", real.get("plan")))));
        // Each caller starts from a body it may genuinely send (its own agency's recommendation; the manager's
        // is B's) and changes one field: the lead, the plan it joins, or the source it claims.
        List<FieldVariant> recommendation = new ArrayList<>(leads());
        recommendation.addAll(planSources("planSourceType", "planSourceRef"));
        recommendation.addAll(List.of(FieldVariant.of("sourceRef", aFinding.sourceRef()), FieldVariant.of("sourceRef", bFinding.sourceRef()),
                FieldVariant.of("sourceRef", "audits:finding:" + MADE_UP), FieldVariant.of("sourceRef", "audits:audit:" + bFinding.auditId()),
                FieldVariant.of("sourceRef", "indicators:value:CSC"), FieldVariant.of("sourceRef", "actions:action:" + real.get("id")),
                FieldVariant.of("sourceRef", "JTAI-ISOLATION")));
        m.put("POST /api/v1/actions/from-recommendation", Map.entry(List.of(
                caller("A's contributor", () -> tvpUser(), aFinding::request),
                caller("A's lead", () -> tvpLead(), aFinding::request),
                caller("B's contributor", () -> cscUser(), bFinding::request),
                caller("B's lead", () -> cscLead(), bFinding::request),
                caller("the manager", this::manager, bFinding::request)), recommendation));
        return m;
    }

    @Test
    void everyWriteRouteListsItsOwnershipFields() {
        Set<String> writes = new java.util.TreeSet<>();
        table().stream().filter(Route::isWrite).forEach(r -> writes.add(r.key()));
        org.junit.jupiter.api.Assertions.assertEquals(writes, new java.util.TreeSet<>(ownershipFields().keySet()),
                "every write route lists the body fields that name an owner or a parent (ownershipFields())");
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    List<DynamicNode> ownershipBearingBodyFieldsAreRefused() {
        Map<String, Route> routes = new LinkedHashMap<>();
        table().forEach(r -> routes.put(r.key(), r));
        // Each caller sends its otherwise-valid body with one ownership-bearing field changed to someone
        // else's value: refused (a 4xx other than 401, as problem+json), the database unchanged. A variant
        // that leaves a caller's body as it was (its own value already) is not sent.
        List<Forgery> forgeries = new ArrayList<>();
        ownershipFields().forEach((key, entry) -> {
            Route route = routes.get(key);
            for (BodyCaller caller : entry.getKey()) {
                for (FieldVariant variant : entry.getValue()) {
                    java.util.function.Supplier<Object> own = () -> caller.ownBody() != null ? caller.ownBody().get()
                            : new LinkedHashMap<>((Map<String, Object>) route.body().get());
                    forgeries.add(forge(key, String.join(", ", variant.fields().keySet()), variant.name())
                            .by(Sender.as(caller.name(), caller.token())).to(route.path(route.real()))
                            .json(() -> {
                                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) own.get());
                                body.putAll(variant.fields());
                                return body;
                            })
                            .unlessEqualTo(own).refused(REFUSED));
                }
            }
        });
        return Matrix.forgeries(forgeries, null, Set.of(), List.of(), http, new Matrix.Db(dataSource, table -> false));
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
                () -> cscUser(),
                () -> cscLead());
        return Matrix.matrix(router, table(), t, Set.of(LOGGED_TITLE), http, new Matrix.Db(dataSource, table -> false));
    }

    /**
     * Issue 18: the gateway's service identity reads every agency's actions (B's and A's, with delivery and
     * last update); every other route refuses it, whatever else its token carries.
     */
    @TestFactory
    List<DynamicNode> theGatewaysServiceIdentityMakesOnlyItsReads() {
        return Matrix.serviceReader(router, table(), serviceReader.reads(), List.of(
                Matrix.ServiceRead.of("GET /api/v1/actions", "/api/v1/actions", "\"leadAgency\":\"CSC\"",
                        "\"leadAgency\":\"TVP\"", "\"delivery\":", "\"lastUpdateAt\":\"")),
                tokens, http, new Matrix.Db(dataSource, table -> false));
    }

    @TestFactory
    List<DynamicNode> onlyHealthAndPrometheusOfTheManagementEndpoints() {
        return Matrix.operationalEndpointsNotServed(http, this::manager);
    }

    @TestFactory
    List<DynamicNode> pathVariantsDoNotSlipPast() {
        List<DynamicNode> nodes = new ArrayList<>();
        String tvpLead = tvpLead();
        String chair = chair();
        nodes.addAll(Matrix.pathVariants("A's lead on the change log", "/api/v1/change-log?limit=500",
                () -> tvpLead, LOGGED_TITLE, http));
        nodes.addAll(Matrix.pathVariants("the chair on the change log", "/api/v1/change-log?limit=500",
                () -> chair, LOGGED_TITLE, http));
        nodes.addAll(Matrix.pathVariants("no token on B's action", "/api/v1/actions/" + real.get("id"),
                () -> null, "front door", http));
        nodes.addAll(Matrix.pathVariants("no token on the plans", "/api/v1/plans/" + real.get("plan"),
                () -> null, "Isolation", http));
        return nodes;
    }
}
