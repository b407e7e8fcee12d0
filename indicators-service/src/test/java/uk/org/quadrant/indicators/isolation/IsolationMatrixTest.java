package uk.org.quadrant.indicators.isolation;

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

import uk.org.quadrant.common.testing.isolation.Matrix;
import uk.org.quadrant.common.testing.support.PlainHttp;

import static uk.org.quadrant.common.testing.isolation.Matrix.AGENCY_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.Forgery;
import static uk.org.quadrant.common.testing.isolation.Matrix.Sender;
import static uk.org.quadrant.common.testing.isolation.Matrix.forge;
import static uk.org.quadrant.common.testing.isolation.Matrix.LEAD_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_READ;
import static uk.org.quadrant.common.testing.isolation.Matrix.MANAGER_WRITE;
import static uk.org.quadrant.common.testing.isolation.Matrix.OWN_AGENCY_READ;
import static uk.org.quadrant.common.testing.isolation.Matrix.PUBLIC;
import static uk.org.quadrant.common.testing.isolation.Matrix.Route;
import static uk.org.quadrant.common.testing.isolation.Matrix.Rule;
import static uk.org.quadrant.common.testing.isolation.Matrix.SIGNED_IN;

/**
 * Issue 8, access control: every route of the router × every kind of caller. Agency A is TVP, agency
 * B is CSC. B's indicator ISO-CSC has a draft (2017/18: {@value #DRAFT}), a submitted value
 * (2016/17), an approved one (2015/16) and reference figures; nothing of B's unreleased figures may
 * reach A, no refused write may change a row, and a made-up id answers like B's real one.
 *
 * <p>Adding an endpoint: add one line to {@link #table()} with its rule, or this test fails.
 */
@MicronautTest(transactional = false)
class IsolationMatrixTest extends WithTestTokens {

    static final String DRAFT = "987654";
    static final String SUBMITTED = "876543";
    static final String BREAKDOWN_DRAFT = "765432";
    static final String BREAKDOWN_SUBMITTED = "654321";
    private static final Set<String> SECRETS = Set.of(DRAFT, SUBMITTED, BREAKDOWN_DRAFT, BREAKDOWN_SUBMITTED);
    private static final String I = "/api/v1/indicators";

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

    // ---- data of agency B (CSC) and A (TVP) -----------------------------------------------------------

    @BeforeAll
    void seed() {
        http = Matrix.http(server.getURL().toString(), json);
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
        http.ok("PUT", I + "/ISO-TVP/values/2016April", tvpUser(),
                Map.of("value", 5));
        // B's own figures for A's indicator (a breakdown): a draft and a submitted value A must not reach through A's own path.
        String t = I + "/ISO-TVP/values/";
        http.ok("PUT", t + "2016April", cscUser(), Map.of("value", Integer.parseInt(BREAKDOWN_DRAFT)));
        http.ok("PUT", t + "2015April", cscUser(), Map.of("value", Integer.parseInt(BREAKDOWN_SUBMITTED)));
        http.ok("POST", t + "2015April/submit", cscLead(), Map.of("agency", "CSC"));
        // Published figures for B's indicator (issue 16), so that its comparison exists: B's draft of the
        // same period (the partnership's local figure) must not reach A through it.
        http.send("POST", "/api/v1/benchmarks/import?" + EES_QUERY, manager(), EES_CSV, "text/csv");
        // DHIS2 identifiers (issue 20): B's indicator and B itself by UID, so that a file naming them so is B's.
        http.ok("PUT", DHIS2 + "/data-elements/" + B_ELEMENT, manager(), Map.of("indicator", "ISO-CSC"));
        http.ok("PUT", DHIS2 + "/org-units/" + B_ORG_UNIT, manager(), Map.of("agency", "CSC"));
        http.ok("PUT", DHIS2 + "/org-units/" + A_ORG_UNIT, manager(), Map.of("agency", "TVP"));
    }

    private static final String DHIS2 = "/api/v1/dhis2/mappings";
    /** B's indicator ISO-CSC's data element, B's (CSC's) org unit and A's (TVP's). */
    static final String B_ELEMENT = "IsoCscElem1";
    static final String B_ORG_UNIT = "IsoCscUnit1";
    static final String A_ORG_UNIT = "IsoTvpUnit1";

    /** A small EES file: England, the South East, Oxfordshire (931) and two of its neighbours in 2017/18. */
    static final String EES_CSV = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
            + "old_la_code,la_name,new_la_code,children_count\n"
            + "2018,Reporting year,National,E92000001,England,,,,,,75420\n"
            + "2018,Reporting year,Regional,E92000001,England,E12000008,South East,,,,10200\n"
            + "2018,Reporting year,Local authority,E92000001,England,E12000008,South East,931,Oxfordshire,E10000025,760\n"
            + "2018,Reporting year,Local authority,E92000001,England,E12000008,South East,850,Hampshire,E10000014,c\n"
            + "2018,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,1500\n";
    static final String EES_QUERY = "format=ees&indicator=ISO-CSC&measure=children_count&dryRun=false";

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
        PlainHttp.Res res = http.send("GET", path, token, null, null);
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
                route("GET", "/api/v1/submissions/waiting", MANAGER_READ),
                // An import is all or nothing and answers per row (docs/decisions.md, Imports): another
                // agency's row is refused as a 400 naming the row and the agency column; nothing is written.
                route("POST", "/api/v1/values/import", AGENCY_WRITE.otherAgency(400, true).named("own agency's rows (per-row 400)"))
                        .query("format=quadrant")
                        .raw("text/csv", "indicator_code,period,agency,value,numerator,denominator,comment\n"
                                + "ISO-CSC,2013April,CSC,1,,,\n"),
                // How we compare (issue 16): everyone signed in reads; only the manager imports, maps and sets the place.
                route("GET", I + "/{code}/comparison", SIGNED_IN).query("period=2017April"),
                route("GET", I + "/{code}/comparison/series", SIGNED_IN),
                route("GET", "/api/v1/benchmarks", SIGNED_IN),
                route("GET", "/api/v1/benchmarks/place", SIGNED_IN),
                route("PUT", "/api/v1/benchmarks/place", MANAGER_WRITE)
                        .body(() -> body("laCode", "850", "neighbourModel", "2021", "version", versionOf("/api/v1/benchmarks/place", manager()))),
                route("GET", "/api/v1/benchmarks/mappings", SIGNED_IN),
                route("GET", "/api/v1/benchmarks/mappings/{code}", SIGNED_IN),
                route("PUT", "/api/v1/benchmarks/mappings/{code}", MANAGER_WRITE).body(() -> body("measure", "rate_per_10000",
                        "version", versionOf("/api/v1/benchmarks/mappings/ISO-CSC", manager()))),
                route("POST", "/api/v1/benchmarks/import", MANAGER_WRITE).query(EES_QUERY)
                        .raw("text/csv", EES_CSV.replace(",760\n", ",761\n")),
                route("GET", "/api/v1/benchmarks/staged", SIGNED_IN),
                route("POST", "/api/v1/benchmarks/staged/check", MANAGER_WRITE),
                route("POST", "/api/v1/benchmarks/staged/{id}/approve", MANAGER_WRITE).real("id", "1").madeUp("id", "999999"),
                route("POST", "/api/v1/benchmarks/staged/{id}/discard", MANAGER_WRITE).real("id", "1").madeUp("id", "999999"),
                // DHIS2 (issue 20): everyone signed in reads the mappings, only the manager writes them; the export
                // is the values the caller may see (B's draft never reaches A).
                route("GET", DHIS2, SIGNED_IN),
                route("PUT", DHIS2 + "/data-elements/{uid}", MANAGER_WRITE).real("uid", B_ELEMENT).madeUp("uid", "IsoMadeUp01")
                        .body(() -> body("indicator", "ISO-CSC")),
                route("DELETE", DHIS2 + "/data-elements/{uid}", MANAGER_WRITE).real("uid", B_ELEMENT).madeUp("uid", "IsoMadeUp01"),
                route("PUT", DHIS2 + "/org-units/{uid}", MANAGER_WRITE).real("uid", B_ORG_UNIT).madeUp("uid", "IsoMadeUp02")
                        .body(() -> body("agency", "CSC")),
                route("DELETE", DHIS2 + "/org-units/{uid}", MANAGER_WRITE).real("uid", B_ORG_UNIT).madeUp("uid", "IsoMadeUp02"),
                route("GET", "/api/v1/dataValueSets", SIGNED_IN).query("indicator=ISO-CSC&agency=CSC"));
    }

    private Map<String, Object> withVersion(Map<String, Object> body, String path) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        Object version = versionOf(path + "?agency=CSC", cscUser());
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    // ---- forged body fields (issue 14): one line per forged field ------------------------------------

    /** The columns of an imported file's rows that name an owner or a parent, per format. */
    static final Map<String, List<String>> FILE_OWNER_COLUMNS = Map.of("POST /api/v1/values/import",
            List.of("agency", "indicator_code", "orgunit", "dataelement", "orgUnit", "dataElement"),
            // An EES file's rows name areas (country, region, local authority), published reference data owned by no
            // agency; the indicator is the query's, and only the manager imports.
            "POST /api/v1/benchmarks/import", List.of());

    /** Agency B's rows: a control may write A's own, never one of these. */
    static final List<String> B_ROWS = List.of(
            "SELECT * FROM indicator_value WHERE agency_code = 'CSC'",
            "SELECT * FROM indicator WHERE owner_agency = 'CSC'");

    private static final String VALUE = "PUT " + I + "/{code}/values/{period}";
    private static final String SUBMIT = "POST " + I + "/{code}/values/{period}/submit";
    private static final String IMPORT = "POST /api/v1/values/import";

    private static String csv(String... rows) {
        return "indicator_code,period,agency,value,numerator,denominator,comment\n" + String.join("\n", rows) + "\n";
    }

    private static String dhis2Csv(String... rows) {
        return "dataelement,period,orgunit,value\n" + String.join("\n", rows) + "\n";
    }

    private static String dhis2Json(String... dataValues) {
        return "{\"dataValues\":[" + String.join(",", dataValues) + "]}";
    }

    private static String dataValue(String element, String period, String orgUnitKey, String orgUnit) {
        return "{\"dataElement\":\"" + element + "\",\"period\":\"" + period + "\",\"" + orgUnitKey + "\":\"" + orgUnit
                + "\",\"value\":\"1\"}";
    }

    private static String rowError(int row, String column) {
        return "\"row\":" + row + ",\"column\":\"" + column + "\"";
    }

    private Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The body with the version of the value at {@code path} as {@code token} reads it. */
    private Map<String, Object> versioned(Map<String, Object> body, String path, String token) {
        Object version = versionOf(path, token);
        if (version == null) {
            throw new AssertionError("no version to read at " + path);
        }
        body.put("version", version);
        return body;
    }

    private Map<String, Object> definition(String code, String owner, boolean withVersionOfCode) {
        Map<String, Object> d = indicator(code, owner);
        if (withVersionOfCode) {
            d.put("version", versionOf(I + "/" + code, manager()));
        }
        return d;
    }

    /**
     * Each write route's body fields that name an owner or a parent, set to agency B's (CSC), to the
     * board's, or to a spelling of them, by A's (TVP's) contributor and lead, mostly on paths of A's
     * own: A's indicator ISO-TVP, on which B also has a draft (2016/17) and a submitted value
     * (2015/16). Controls send the same body with A's own in the field and are accepted.
     */
    List<Forgery> forgeries() {
        String tvp = I + "/ISO-TVP/values/";
        String tvpUser = tvpUser();
        String field = "\"field\":\"agency\"";
        List<Forgery> f = new ArrayList<>();
        // Values: "agency" says whose value it is; an agency user's is its own, whatever the path's indicator.
        f.add(forge(VALUE, "agency", "CSC, on B's draft of A's own indicator, with its version").at("code", "ISO-TVP", "period", "2016April")
                .json(() -> versioned(body("agency", "CSC", "value", 1), tvp + "2016April?agency=CSC", cscUser())));
        f.add(forge(VALUE, "agency", "CSC, a new value on A's own indicator").at("code", "ISO-TVP", "period", "2012April")
                .json(() -> body("agency", "CSC", "value", 1)));
        f.add(forge(VALUE, "agency", "BOARD (the board's code)").at("code", "ISO-TVP", "period", "2012April")
                .json(() -> body("agency", "BOARD", "value", 1)));
        for (String spelling : List.of("csc", " CSC", "CSC ", "\uFF23\uFF33\uFF23", "C\u0301SC", "CSC\u0000")) {
            f.add(forge(VALUE, "agency", "a spelling of CSC " + Matrix.visible(spelling)).at("code", "ISO-CSC", "period", "2017April")
                    .json(() -> versioned(body("agency", spelling, "value", 1), I + "/ISO-CSC/values/2017April?agency=CSC", cscUser()))
                    .refused(400, field));
        }
        f.add(forge(VALUE, "agency", "TVP (A's own breakdown of B's indicator)").at("code", "ISO-CSC", "period", "2012April")
                .json(() -> body("agency", "TVP", "value", 1)).by(Sender.LEAD).control(200, "\"agency\":\"TVP\"", "\"indicatorCode\":\"ISO-CSC\""));
        f.add(forge(VALUE, "agency", "TVP (A's own value of A's own indicator)").at("code", "ISO-TVP", "period", "2012April")
                .json(() -> body("agency", "TVP", "value", 1)).by(Sender.CONTRIBUTOR).control(200, "\"agency\":\"TVP\""));
        // Fields the body does not have but the stored row does: ignored, the value stays A's own draft.
        f.add(forge(VALUE, "agencyCode, indicatorCode, ownerAgency, status, approvedBy", "B's and the board's").at("code", "ISO-TVP", "period", "2011April")
                .json(() -> body("value", 1, "agencyCode", "CSC", "indicatorCode", "ISO-CSC", "ownerAgency", "CSC", "owner", "CSC",
                        "status", "APPROVED", "approvedBy", "manager")).by(Sender.CONTRIBUTOR)
                .control(200, "\"agency\":\"TVP\"", "\"indicatorCode\":\"ISO-TVP\"", "\"status\":\"DRAFT\""));
        // Sign-off: the lead submits its own agency's value only.
        f.add(forge(SUBMIT, "agency", "CSC, B's draft of A's own indicator, with its version").at("code", "ISO-TVP", "period", "2016April")
                .json(() -> versioned(body("agency", "CSC"), tvp + "2016April?agency=CSC", cscUser())));
        f.add(forge(SUBMIT, "agency", "BOARD").at("code", "ISO-TVP", "period", "2016April").json(() -> body("agency", "BOARD")));
        f.add(forge(SUBMIT, "agency", "csc (lower case)").at("code", "ISO-TVP", "period", "2016April").json(() -> body("agency", "csc"))
                .by(Sender.LEAD).refused(400, field));
        f.add(forge(SUBMIT, "agency", "TVP (A's own draft)").at("code", "ISO-TVP", "period", "2016April")
                .json(() -> versioned(body("agency", "TVP"), tvp + "2016April?agency=TVP", tvpUser)).by(Sender.LEAD)
                .control(200, "\"agency\":\"TVP\"", "\"status\":\"SUBMITTED\""));
        // The manager's decisions: no agency's user decides, naming its own agency or another's.
        for (String decision : List.of("approve", "return", "reopen")) {
            String route = "POST " + I + "/{code}/values/{period}/" + decision;
            f.add(forge(route, "agency", "CSC, B's submitted value of A's own indicator").at("code", "ISO-TVP", "period", "2015April")
                    .json(() -> body("agency", "CSC", "reason", "forged")));
            f.add(forge(route, "agency", "TVP (A's own)").at("code", "ISO-TVP", "period", "2016April")
                    .json(() -> body("agency", "TVP", "reason", "forged")));
        }
        // Definitions are the board manager's, whoever the body says owns them.
        f.add(forge("POST " + I, "ownerAgency", "TVP (A's own)").json(() -> indicator("ISO-FORGED", "TVP")));
        f.add(forge("POST " + I, "code", "ISO-CSC (B's existing indicator)").json(() -> indicator("ISO-CSC", "TVP")));
        f.add(forge("PUT " + I + "/{code}", "ownerAgency", "TVP, on B's indicator").at("code", "ISO-CSC")
                .json(() -> definition("ISO-CSC", "TVP", true)));
        f.add(forge("PUT " + I + "/{code}", "ownerAgency", "TVP, on A's own indicator").at("code", "ISO-TVP")
                .json(() -> definition("ISO-TVP", "TVP", true)));
        f.add(forge("PUT " + I + "/{code}", "code", "ISO-CSC in the body, A's ISO-TVP in the path").at("code", "ISO-TVP")
                .json(() -> definition("ISO-CSC", "TVP", true)));
        // Reference figures and populations: their bodies name no owner; claiming one changes nothing.
        Map<String, Object> claims = Map.of("value", 1, "agency", "TVP", "ownerAgency", "TVP", "indicatorCode", "ISO-TVP");
        for (String route : List.of("PUT " + I + "/{code}/targets/{period}", "PUT " + I + "/{code}/baselines/{period}",
                "PUT " + I + "/{code}/benchmarks/{period}/{comparator}")) {
            f.add(forge(route, "agency, ownerAgency, indicatorCode", "TVP's (fields the body does not have)")
                    .at("code", "ISO-TVP", "period", "2017April", "comparator", "ENGLAND").json(() -> claims));
        }
        f.add(forge("PUT /api/v1/populations/{code}/{year}", "agency, ownerAgency", "TVP's (fields the body does not have)")
                .at("code", "ISO_U18", "year", "2017").json(() -> claims));
        // Imports, all or nothing: a file with any row A may not write is refused whole, naming the row and column.
        String quadrant = "format=quadrant&dryRun=false";
        f.add(forge(IMPORT, "agency", "CSC on the last row, after A's own").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-CSC,2010April,TVP,1,,,", "ISO-CSC,2010April,CSC,1,,,"))
                .refused(400, rowError(4, "agency")));
        f.add(forge(IMPORT, "agency", "CSC on the first row, before A's own").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,CSC,1,,,", "ISO-TVP,2010April,TVP,1,,,"))
                .refused(400, rowError(2, "agency")));
        f.add(forge(IMPORT, "agency", "BOARD").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-TVP,2009April,BOARD,1,,,")).refused(400, rowError(3, "agency")));
        f.add(forge(IMPORT, "agency", "csc (lower case)").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-CSC,2010April,csc,1,,,")).refused(400, rowError(3, "agency")));
        f.add(forge(IMPORT, "agency", "\" CSC \" (quoted, padded)").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-CSC,2010April,\" CSC \",1,,,")).refused(400, rowError(3, "agency")));
        f.add(forge(IMPORT, "agency", "CSC, with a second agency column saying TVP").query(quadrant)
                .raw("text/csv", "indicator_code,period,agency,value,agency\nISO-TVP,2010April,CSC,1,TVP\n").refused(400, rowError(2, "agency")));
        f.add(forge(IMPORT, "agency", "B's approved value of B's indicator (CSC, 2015/16)").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-CSC,2015April,CSC,1,,,")).refused(400, rowError(3, "agency")));
        f.add(forge(IMPORT, "indicator_code", "iso-csc (another spelling of B's indicator)").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "iso-csc,2010April,TVP,1,,,")).refused(400, rowError(3, "indicator_code")));
        f.add(forge(IMPORT, "period", "2016april (another spelling of a period B has a draft in)").query(quadrant)
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-TVP,2016april,TVP,1,,,")).refused(400, rowError(3, "period")));
        f.add(forge(IMPORT, "agency", "TVP on every row (A's own, B's indicator a breakdown), dry run").query("format=quadrant&dryRun=true")
                .raw("text/csv", csv("ISO-TVP,2010April,TVP,1,,,", "ISO-CSC,2010April,TVP,1,,,")).control(200, "\"valid\":2"));
        f.add(forge(IMPORT, "orgunit", "CSC on the last row (DHIS2 CSV)").query("format=dhis2&dryRun=false")
                .raw("text/csv", dhis2Csv("ISO-TVP,2010April,TVP,1", "ISO-CSC,2010April,CSC,1")).refused(400, rowError(3, "orgunit")));
        f.add(forge(IMPORT, "dataelement", "iso-tvp (another spelling, DHIS2 CSV)").query("format=dhis2&dryRun=false")
                .raw("text/csv", dhis2Csv("ISO-TVP,2010April,TVP,1", "iso-tvp,2009April,TVP,1")).refused(400, rowError(3, "dataelement")));
        f.add(forge(IMPORT, "orgunit", "TVP on every row (DHIS2 CSV), dry run").query("format=dhis2&dryRun=true")
                .raw("text/csv", dhis2Csv("ISO-TVP,2010April,TVP,1", "ISO-CSC,2010April,TVP,1")).control(200, "\"valid\":2"));
        f.add(forge(IMPORT, "orgUnit", "CSC on the last value (DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", dhis2Json(dataValue("ISO-TVP", "2010April", "orgUnit", "TVP"),
                        dataValue("ISO-CSC", "2010April", "orgUnit", "CSC"))).refused(400, rowError(2, "orgUnit")));
        f.add(forge(IMPORT, "orgUnit", "missing, with \"orgunit\": \"CSC\" beside it (DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", dhis2Json(dataValue("ISO-TVP", "2010April", "orgUnit", "TVP"),
                        dataValue("ISO-CSC", "2010April", "orgunit", "CSC"))).refused(400, rowError(2, "orgUnit")));
        f.add(forge(IMPORT, "dataElement", "ISO-NONE (no such indicator, DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", dhis2Json(dataValue("ISO-TVP", "2010April", "orgUnit", "TVP"),
                        dataValue("ISO-NONE", "2010April", "orgUnit", "TVP"))).refused(400, rowError(2, "dataElement")));
        f.add(forge(IMPORT, "orgUnit", "TVP on every value (DHIS2 JSON), dry run").query("format=dhis2&dryRun=true")
                .raw("application/json", dhis2Json(dataValue("ISO-TVP", "2010April", "orgUnit", "TVP"),
                        dataValue("ISO-CSC", "2010April", "orgUnit", "TVP"))).control(200, "\"valid\":2"));
        // DHIS2 UIDs (issue 20): B's org unit by its UID is B, in CSV and JSON, on a value or on the whole set.
        f.add(forge(IMPORT, "orgunit", B_ORG_UNIT + " (B's org unit UID, DHIS2 CSV)").query("format=dhis2&dryRun=false")
                .raw("text/csv", dhis2Csv("ISO-TVP,2010April," + A_ORG_UNIT + ",1", "ISO-TVP,2009April," + B_ORG_UNIT + ",1"))
                .refused(400, rowError(3, "orgunit")));
        f.add(forge(IMPORT, "dataelement", B_ELEMENT + " (B's indicator by its UID, B's org unit, DHIS2 CSV)").query("format=dhis2&dryRun=false")
                .raw("text/csv", dhis2Csv("ISO-TVP,2010April,TVP,1", B_ELEMENT + ",2010April," + B_ORG_UNIT + ",1"))
                .refused(400, rowError(3, "orgunit")));
        f.add(forge(IMPORT, "orgUnit", B_ORG_UNIT + " (B's org unit UID, DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", dhis2Json(dataValue("ISO-TVP", "2010April", "orgUnit", A_ORG_UNIT),
                        dataValue(B_ELEMENT, "2010April", "orgUnit", B_ORG_UNIT))).refused(400, rowError(2, "orgUnit")));
        f.add(forge(IMPORT, "orgUnit", B_ORG_UNIT + " as the data value set's own org unit (DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", "{\"orgUnit\":\"" + B_ORG_UNIT + "\",\"dataValues\":[{\"dataElement\":\"ISO-TVP\","
                        + "\"period\":\"2010April\",\"value\":\"1\"}]}").refused(400, rowError(1, "orgUnit")));
        f.add(forge(IMPORT, "orgUnit", "B's draft removed by a deleted row naming B's org unit UID (DHIS2 JSON)").query("format=dhis2&dryRun=false")
                .raw("application/json", "{\"dataValues\":[{\"dataElement\":\"" + B_ELEMENT + "\",\"period\":\"2017April\",\"orgUnit\":\""
                        + B_ORG_UNIT + "\",\"deleted\":true}]}").refused(400, rowError(1, "orgUnit")));
        f.add(forge(IMPORT, "orgunit", A_ORG_UNIT + " (A's own org unit UID, B's indicator by UID: a breakdown), dry run")
                .query("format=dhis2&dryRun=true")
                .raw("text/csv", dhis2Csv(B_ELEMENT + ",2010April," + A_ORG_UNIT + ",1")).control(200, "\"valid\":1"));
        // The DHIS2 mappings are the manager's, whatever indicator or agency the body names.
        f.add(forge("PUT " + DHIS2 + "/data-elements/{uid}", "indicator", "ISO-TVP (A's own), on B's data element").at("uid", B_ELEMENT)
                .json(() -> body("indicator", "ISO-TVP")));
        f.add(forge("PUT " + DHIS2 + "/data-elements/{uid}", "indicator", "ISO-CSC (B's), on a new data element").at("uid", "IsoForged01")
                .json(() -> body("indicator", "ISO-CSC")));
        f.add(forge("PUT " + DHIS2 + "/org-units/{uid}", "agency", "TVP (A's own), on B's org unit").at("uid", B_ORG_UNIT)
                .json(() -> body("agency", "TVP")));
        f.add(forge("PUT " + DHIS2 + "/org-units/{uid}", "agency", "CSC (B), on A's org unit").at("uid", A_ORG_UNIT)
                .json(() -> body("agency", "CSC")));
        // How we compare: the place and the mappings are the manager's, whatever the body names.
        f.add(forge("PUT /api/v1/benchmarks/place", "laCode", "850 (another authority)")
                .json(() -> body("laCode", "850", "neighbourModel", "2025")));
        f.add(forge("PUT /api/v1/benchmarks/mappings/{code}", "dataSetId", "a data set of A's choosing, on B's indicator").at("code", "ISO-CSC")
                .json(() -> body("measure", "children_count", "dataSetId", "forged-data-set")));
        f.add(forge("PUT /api/v1/benchmarks/mappings/{code}", "dataSetId", "a data set, on A's own indicator").at("code", "ISO-TVP")
                .json(() -> body("measure", "children_count", "dataSetId", "forged-data-set")));
        return f;
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void theTableListsEveryRouteOfTheRouterAndNoOther() {
        Matrix.assertTableCoversRouter(router, table());
    }

    private Matrix.Tokens callers() {
        return new Matrix.Tokens(
                () -> tokens.expired("manager", null, "BOARD_MANAGER"),
                () -> tokens.signedByForeignKey("manager", null, "BOARD_MANAGER"),
                () -> tokens.wrongIssuer("manager", null, "BOARD_MANAGER"),
                () -> tvpUser(),
                () -> tvpLead(),
                () -> chair(),
                this::cscUser,
                this::cscLead);
    }

    @TestFactory
    List<DynamicNode> everyRouteForEveryCaller() {
        return Matrix.matrix(router, table(), callers(), SECRETS, http, new Matrix.Db(dataSource, table -> false));
    }

    @Test
    void everyFieldNamingAnOwnerOrAParentOfEveryWriteBodyIsForged() {
        Matrix.assertOwnerFieldsForged(router, forgeries(), FILE_OWNER_COLUMNS);
    }

    @TestFactory
    List<DynamicNode> forgedOwnerFieldsInTheBodyAreRefused() {
        return Matrix.forgeries(forgeries(), callers(), SECRETS, B_ROWS, http, new Matrix.Db(dataSource, table -> false));
    }

    /**
     * Issue 18: the gateway's service identity reads every agency's returns of a period (B's draft among them)
     * and a single value in any state (B's draft, B's returned value with the board's reason); every other route
     * refuses it, whatever else its token carries.
     */
    @TestFactory
    List<DynamicNode> theGatewaysServiceIdentityMakesOnlyItsReads() {
        return Matrix.serviceReader(router, table(), serviceReader.reads(), List.of(
                Matrix.ServiceRead.of("GET /api/v1/submissions", "/api/v1/submissions?period=2017April",
                        "\"agency\":\"CSC\"", "\"agency\":\"TVP\"", "\"code\":\"ISO-CSC\",\"title\":\"Isolation ISO-CSC\",\"status\":\"DRAFT\"",
                        "\"code\":\"ISO-TVP\""),
                Matrix.ServiceRead.of("GET " + I + "/{code}/values/{period}", I + "/ISO-CSC/values/2017April?agency=CSC",
                        "\"status\":\"DRAFT\"", DRAFT, "\"updatedBy\":\"csc.user\""),
                Matrix.ServiceRead.of("GET " + I + "/{code}/values/{period}", I + "/ISO-CSC/values/2014April?agency=CSC",
                        "\"status\":\"RETURNED\"", "\"returnReason\":\"check\""),
                Matrix.ServiceRead.of("GET " + I + "/{code}/values/{period}", I + "/ISO-TVP/values/2016April?agency=TVP",
                        "\"agency\":\"TVP\"", "\"status\":\"DRAFT\"")),
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
