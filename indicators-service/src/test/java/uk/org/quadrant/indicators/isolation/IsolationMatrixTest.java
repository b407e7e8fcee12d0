package uk.org.quadrant.indicators.isolation;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.indicators.support.TestTokens;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.org.quadrant.indicators.isolation.Matrix.AGENCY_WRITE;
import static uk.org.quadrant.indicators.isolation.Matrix.LEAD_WRITE;
import static uk.org.quadrant.indicators.isolation.Matrix.MANAGER_READ;
import static uk.org.quadrant.indicators.isolation.Matrix.MANAGER_WRITE;
import static uk.org.quadrant.indicators.isolation.Matrix.OWN_AGENCY_READ;
import static uk.org.quadrant.indicators.isolation.Matrix.PUBLIC;
import static uk.org.quadrant.indicators.isolation.Matrix.Route;
import static uk.org.quadrant.indicators.isolation.Matrix.Rule;
import static uk.org.quadrant.indicators.isolation.Matrix.SIGNED_IN;

/**
 * Issue 8, access control: every route of the router × every kind of caller. Agency A is TVP, agency
 * B is CSC. B's indicator ISO-CSC has a draft (2017/18: {@value #DRAFT}), a submitted value
 * (2016/17), an approved one (2015/16) and reference figures; nothing of B's unreleased figures may
 * reach A, no refused write may change a row, and a made-up id answers like B's real one.
 *
 * <p>Adding an endpoint: add one line to {@link #table()} with its rule, or this test fails.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest implements TestPropertyProvider {

    static final String DRAFT = "987654";
    static final String SUBMITTED = "876543";
    private static final String I = "/api/v1/indicators";

    private final TestTokens tokens = new TestTokens();

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    private Matrix.Http http;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
    }

    String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    String cscUser() {
        return tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
    }

    String cscLead() {
        return tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
    }

    // ---- data of agency B (CSC) and A (TVP) -----------------------------------------------------------

    @BeforeAll
    void seed() {
        http = new Matrix.Http(server.getURL().toString(), json);
        http.ok("POST", I, manager(), indicator("ISO-CSC", "CSC"));
        http.ok("POST", I, manager(), indicator("ISO-TVP", "TVP"));
        http.ok("PUT", I + "/ISO-CSC/targets/2017April", manager(), Map.of("value", 650));
        http.ok("PUT", I + "/ISO-CSC/baselines/2015April", manager(), Map.of("value", 500));
        http.ok("PUT", I + "/ISO-CSC/benchmarks/2016April/ENGLAND", manager(), Map.of("value", 520));
        http.ok("PUT", "/api/v1/populations/ISO_U18/2017", manager(), Map.of("value", 100000));
        String v = I + "/ISO-CSC/values/";
        http.ok("PUT", v + "2015April", cscUser(), Map.of("value", 500));
        http.ok("POST", v + "2015April/submit", cscLead(), Map.of());
        http.ok("POST", v + "2015April/approve", manager(), Map.of("agency", "CSC"));
        http.ok("PUT", v + "2014April", cscUser(), Map.of("value", 450));
        http.ok("POST", v + "2014April/submit", cscLead(), Map.of());
        http.ok("POST", v + "2014April/return", manager(), Map.of("agency", "CSC", "reason", "check"));
        http.ok("PUT", v + "2016April", cscUser(), Map.of("value", Integer.parseInt(SUBMITTED)));
        http.ok("POST", v + "2016April/submit", cscLead(), Map.of());
        http.ok("PUT", v + "2017April", cscUser(), Map.of("value", Integer.parseInt(DRAFT)));
        http.ok("PUT", I + "/ISO-TVP/values/2016April", tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR"),
                Map.of("value", 5));
    }

    private static Map<String, Object> indicator(String code, String owner) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", "Isolation " + code);
        m.put("unit", "COUNT");
        m.put("polarity", "LOWER_IS_BETTER");
        m.put("frequency", "FINANCIAL_YEAR");
        m.put("ownerAgency", owner);
        m.put("priority", 2);
        m.put("tolerancePercent", 10);
        return m;
    }

    private Object versionOf(String path, String token) {
        Matrix.Http.Res res = http.send("GET", path, token, null, null);
        return res.status() == 200 ? http.map(res.body()).get("version") : null;
    }

    // ---- the table: one line per route ----------------------------------------------------------------

    /** B's real resource: CSC's indicator and its draft; the made-up one: an indicator nobody defined. */
    private static final Map<String, String> REAL = Map.of("code", "ISO-CSC", "period", "2017April",
            "comparator", "ENGLAND", "year", "2017");
    private static final Map<String, String> MADE_UP = Map.of("code", "ISO-NONE", "period", "2013April",
            "comparator", "NOWHERE", "year", "1999");

    private static Route route(String method, String template, Rule rule) {
        return new Route(method, template, rule, REAL, MADE_UP, null, () -> null, null);
    }

    List<Route> table() {
        Map<String, Object> cscValue = new LinkedHashMap<>(Map.of("agency", "CSC", "value", 1));
        return List.of(
                route("GET", "/health", PUBLIC),
                route("GET", "/health/{selector}", PUBLIC).real("selector", "liveness"),
                route("GET", "/prometheus", PUBLIC),
                route("GET", "/api/v1/me", SIGNED_IN),
                route("GET", "/api/v1/change-log", MANAGER_READ).query("entityType=value"),
                route("GET", I, SIGNED_IN),
                route("POST", I, MANAGER_WRITE).body(() -> indicator("ISO-NEW", "CSC")),
                route("GET", I + "/{code}", SIGNED_IN),
                route("PUT", I + "/{code}", MANAGER_WRITE).body(() -> {
                    Map<String, Object> d = indicator("ISO-CSC", "TVP");
                    d.put("version", versionOf(I + "/ISO-CSC", manager()));
                    return d;
                }),
                route("GET", I + "/{code}/targets", SIGNED_IN),
                route("PUT", I + "/{code}/targets/{period}", MANAGER_WRITE).body(() -> Map.of("value", 1)),
                route("DELETE", I + "/{code}/targets/{period}", MANAGER_WRITE),
                route("GET", I + "/{code}/baselines", SIGNED_IN),
                route("PUT", I + "/{code}/baselines/{period}", MANAGER_WRITE).real("period", "2015April").body(() -> Map.of("value", 1)),
                route("DELETE", I + "/{code}/baselines/{period}", MANAGER_WRITE).real("period", "2015April"),
                route("GET", I + "/{code}/benchmarks", SIGNED_IN),
                route("PUT", I + "/{code}/benchmarks/{period}/{comparator}", MANAGER_WRITE).real("period", "2016April")
                        .body(() -> Map.of("value", 1)),
                route("DELETE", I + "/{code}/benchmarks/{period}/{comparator}", MANAGER_WRITE).real("period", "2016April"),
                route("GET", "/api/v1/populations", SIGNED_IN),
                route("PUT", "/api/v1/populations/{code}/{year}", MANAGER_WRITE).real("code", "ISO_U18")
                        .body(() -> Map.of("value", 1)),
                // Values: A lists and reads only B's approved values; B's draft is a 404 like a value that does not exist.
                route("GET", I + "/{code}/values", SIGNED_IN),
                // (The indicator is public: for B's values the made-up id is a period B has no value for.)
                route("GET", I + "/{code}/values/{period}", OWN_AGENCY_READ).query("agency=CSC").madeUp("code", "ISO-CSC"),
                route("PUT", I + "/{code}/values/{period}", AGENCY_WRITE).madeUp("code", "ISO-CSC")
                        .body(() -> withVersion(cscValue, I + "/ISO-CSC/values/2017April")),
                route("POST", I + "/{code}/values/{period}/submit", LEAD_WRITE).madeUp("code", "ISO-CSC")
                        .body(() -> Map.of("agency", "CSC")),
                route("POST", I + "/{code}/values/{period}/approve", MANAGER_WRITE).real("period", "2016April")
                        .body(() -> Map.of("agency", "CSC")),
                route("POST", I + "/{code}/values/{period}/return", MANAGER_WRITE).real("period", "2016April")
                        .body(() -> Map.of("agency", "CSC", "reason", "no")),
                route("POST", I + "/{code}/values/{period}/reopen", MANAGER_WRITE).real("period", "2015April")
                        .body(() -> Map.of("agency", "CSC", "reason", "no")),
                route("GET", I + "/{code}/series", SIGNED_IN).query("agency=CSC"),
                route("GET", I + "/{code}/series.csv", SIGNED_IN).query("agency=CSC"),
                route("GET", I + "/{code}/change", OWN_AGENCY_READ).query("from=2016April&to=2017April&agency=CSC"),
                route("GET", "/api/v1/scorecard", SIGNED_IN).query("agency=CSC"),
                route("GET", "/api/v1/scorecard.csv", SIGNED_IN).query("agency=CSC"),
                route("GET", "/api/v1/exceptions", SIGNED_IN).query("agency=CSC"),
                route("GET", "/api/v1/submissions", SIGNED_IN).query("period=2017April"),
                // An import is all or nothing and answers per row (docs/decisions.md, Imports): another
                // agency's row is refused as a 400 naming the row and the agency column; nothing is written.
                route("POST", "/api/v1/values/import", AGENCY_WRITE.otherAgency(400, true).named("own agency's rows (per-row 400)"))
                        .query("format=quadrant")
                        .raw("text/csv", "indicator_code,period,agency,value,numerator,denominator,comment\n"
                                + "ISO-CSC,2013April,CSC,1,,,\n"));
    }

    private Map<String, Object> withVersion(Map<String, Object> body, String path) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        Object version = versionOf(path + "?agency=CSC", cscUser());
        if (version != null) {
            m.put("version", version);
        }
        return m;
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
                () -> tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR"),
                () -> tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD"),
                () -> tokens.board("chair", "BOARD_CHAIR"),
                this::cscUser,
                this::cscLead);
        return Matrix.matrix(router, table(), t, Set.of(DRAFT, SUBMITTED), http, new Matrix.Db(dataSource, table -> false));
    }

    @TestFactory
    List<DynamicNode> onlyHealthAndPrometheusOfTheManagementEndpoints() {
        return Matrix.operationalEndpointsNotServed(http, this::manager);
    }

    @TestFactory
    List<DynamicNode> pathVariantsDoNotSlipPast() {
        List<DynamicNode> nodes = new ArrayList<>();
        String tvpLead = tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD");
        nodes.addAll(Matrix.pathVariants("A's lead on B's draft value", I + "/ISO-CSC/values/2017April?agency=CSC",
                () -> tvpLead, DRAFT, http));
        nodes.addAll(Matrix.pathVariants("A's lead on B's change", I + "/ISO-CSC/change?from=2016April&to=2017April&agency=CSC",
                () -> tvpLead, DRAFT, http));
        nodes.addAll(Matrix.pathVariants("A's lead on the change log", "/api/v1/change-log?limit=500",
                () -> tvpLead, DRAFT, http));
        nodes.addAll(Matrix.pathVariants("no token on B's draft value", I + "/ISO-CSC/values/2017April?agency=CSC",
                () -> null, DRAFT, http));
        nodes.addAll(Matrix.pathVariants("no token on the indicator list", I, () -> null, "ISO-CSC", http));
        return nodes;
    }
}
