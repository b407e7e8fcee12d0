package uk.org.quadrant.indicators.hostile;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.org.quadrant.common.testing.hostile.Hostile;
import uk.org.quadrant.common.testing.support.WithTestTokens;
import uk.org.quadrant.common.testing.support.PlainHttp;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.hostile.Hostile.Target;

/**
 * Issue 8, hostile input: every write route of indicators-service's router gets the hostile corpus
 * ({@link Hostile}); the import gets broken CSV and DHIS2 files (never a 5xx, errors by row and column,
 * all or nothing); the CSV exports neutralise spreadsheet formulas in every text cell.
 *
 * <p>Adding a write endpoint: add a {@link Target} to {@link #targets()}, or this test fails.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends WithTestTokens {

    private static final String I = "/api/v1/indicators";
    private static final String CODE = "HOS-CSC";
    private static final String CSV_HEADER = "indicator_code,period,agency,value,numerator,denominator,comment";

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

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        // The EES API refresh check: a closed local port, so that a mapped data set fails at once (reported, not thrown).
        p.put("quadrant.benchmarks.ees-api.url", "http://127.0.0.1:9");
        return p;
    }

    // ---- data ------------------------------------------------------------------------------------------

    @BeforeAll
    void seed() {
        http = Hostile.http(server.getURL().toString(), json);
        db = new Hostile.Db(dataSource);
        http.ok("POST", I, manager(), indicator(CODE, "Hostile input count"));
        http.ok("POST", I, manager(), indicator("HOS-EDIT", "Hostile input edited"));
        http.ok("PUT", "/api/v1/populations/HOS_U18/2017", manager(), Map.of("value", 100000));
        // One period per workflow step, so that each route's preparation does not disturb another's.
        bring("2017April", "DRAFT");
        bring("2016April", "SUBMITTED");
        bring("2015April", "SUBMITTED");
        bring("2014April", "APPROVED");
    }

    private static Map<String, Object> indicator(String code, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", title);
        m.put("description", "Counted at the end of the year");
        m.put("unit", "COUNT");
        m.put("polarity", "LOWER_IS_BETTER");
        m.put("frequency", "FINANCIAL_YEAR");
        m.put("ownerAgency", "CSC");
        m.put("priority", 2);
        m.put("tolerancePercent", 10);
        m.put("numeratorLabel", "children");
        m.put("published", true);
        return m;
    }

    private Map<String, Object> value(String period) {
        PlainHttp.Res res = http.send("GET", I + "/" + CODE + "/values/" + period + "?agency=CSC", cscLead(), null, null);
        return res.status() == 200 ? http.map(res.body()) : null;
    }

    /** Brings CSC's value of {@link #CODE} for a period to a status (DRAFT: any editable one). */
    private void bring(String period, String status) {
        String v = I + "/" + CODE + "/values/" + period;
        Map<String, Object> agency = Map.of("agency", "CSC");
        for (int step = 0; step < 6; step++) {
            Map<String, Object> current = value(period);
            String now = current == null ? null : (String) current.get("status");
            if (status.equals(now) || (status.equals("DRAFT") && "RETURNED".equals(now))) {
                return;
            }
            if (now == null) {
                http.ok("PUT", v, cscLead(), Map.of("agency", "CSC", "value", 5));
            } else if (status.equals("DRAFT") && now.equals("DRAFT")) {
                return;
            } else if (now.equals("APPROVED")) {
                http.ok("POST", v + "/reopen", manager(), Map.of("agency", "CSC", "reason", "hostile input test"));
            } else if (now.equals("SUBMITTED")) {
                http.ok("POST", v + (status.equals("APPROVED") ? "/approve" : "/return"), manager(),
                        Map.of("agency", "CSC", "reason", "hostile input test"));
            } else { // DRAFT or RETURNED
                http.ok("POST", v + "/submit", cscLead(), agency);
            }
        }
        throw new AssertionError("could not bring " + period + " to " + status + ": " + value(period));
    }

    private Object versionOf(String path) {
        PlainHttp.Res res = http.send("GET", path, manager(), null, null);
        return res.status() == 200 ? http.map(res.body()).get("version") : null;
    }

    // ---- the write routes ------------------------------------------------------------------------------

    private static Map<String, String> vars(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Target asManager(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "the manager", this::manager, body);
    }

    private Target asLead(String method, String template, Map<String, String> vars, Supplier<Map<String, Object>> body) {
        return new Target(method, template, vars, "CSC's lead", this::cscLead, body);
    }

    private Map<String, Object> figure() {
        return new LinkedHashMap<>(Map.of("value", 75));
    }

    private Map<String, Object> action(String period, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agency", "CSC");
        m.put("reason", reason);
        m.put("version", value(period) == null ? null : value(period).get("version"));
        return m;
    }

    List<Target> targets() {
        Map<String, String> code = vars("code", CODE);
        String v = I + "/{code}/values/{period}";
        return List.of(
                asManager("POST", I, vars(), () -> indicator("HOS-NEW-" + counter.incrementAndGet(), "A new indicator")),
                asManager("PUT", I + "/{code}", vars("code", "HOS-EDIT"), () -> {
                    Map<String, Object> d = indicator("HOS-EDIT", "Hostile input edited");
                    d.put("version", versionOf(I + "/HOS-EDIT"));
                    return d;
                }),
                asManager("PUT", I + "/{code}/targets/{period}", vars("code", CODE, "period", "2017April"), this::figure),
                asManager("DELETE", I + "/{code}/targets/{period}", vars("code", CODE, "period", "2016April"), Map::of)
                        .prepare(() -> http.ok("PUT", I + "/" + CODE + "/targets/2016April", manager(), figure())),
                asManager("PUT", I + "/{code}/baselines/{period}", vars("code", CODE, "period", "2015April"), this::figure),
                asManager("DELETE", I + "/{code}/baselines/{period}", vars("code", CODE, "period", "2014April"), Map::of)
                        .prepare(() -> http.ok("PUT", I + "/" + CODE + "/baselines/2014April", manager(), figure())),
                asManager("PUT", I + "/{code}/benchmarks/{period}/{comparator}",
                        vars("code", CODE, "period", "2016April", "comparator", "ENGLAND"), this::figure),
                asManager("DELETE", I + "/{code}/benchmarks/{period}/{comparator}",
                        vars("code", CODE, "period", "2016April", "comparator", "NEIGHBOURS"), Map::of)
                        .prepare(() -> http.ok("PUT", I + "/" + CODE + "/benchmarks/2016April/NEIGHBOURS", manager(), figure())),
                asManager("PUT", "/api/v1/populations/{code}/{year}", vars("code", "HOS_U18", "year", "2017"), this::figure),
                asLead("PUT", v, vars("code", CODE, "period", "2017April"), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("agency", "CSC");
                    m.put("value", 12);
                    m.put("numerator", null);
                    m.put("denominator", null);
                    m.put("comment", "Fewer than last year");
                    m.put("version", value("2017April") == null ? null : value("2017April").get("version"));
                    return m;
                }).prepare(() -> bring("2017April", "DRAFT")),
                asLead("POST", v + "/submit", vars("code", CODE, "period", "2013April"), () -> action("2013April", "ready"))
                        .prepare(() -> bring("2013April", "DRAFT")),
                asManager("POST", v + "/approve", vars("code", CODE, "period", "2016April"), () -> action("2016April", "fine"))
                        .prepare(() -> bring("2016April", "SUBMITTED")),
                asManager("POST", v + "/return", vars("code", CODE, "period", "2015April"), () -> action("2015April", "check"))
                        .prepare(() -> bring("2015April", "SUBMITTED")),
                asManager("POST", v + "/reopen", vars("code", CODE, "period", "2014April"), () -> action("2014April", "a late correction"))
                        .prepare(() -> bring("2014April", "APPROVED")),
                // DHIS2 JSON, so that the generic (JSON) corpus has a valid body to start from; CSV below.
                asLead("POST", "/api/v1/values/import", vars(), () -> {
                    Map<String, Object> dv = new LinkedHashMap<>();
                    dv.put("dataElement", CODE);
                    dv.put("period", "2012April");
                    dv.put("orgUnit", "CSC");
                    dv.put("value", "7");
                    dv.put("comment", "imported");
                    return new LinkedHashMap<>(Map.of("dataValues", List.of(dv)));
                }).query("format=dhis2&dryRun=false").withRowErrors().prepare(() -> bring("2012April", "DRAFT")),
                // How we compare (issue 16): the manager's place and mappings.
                asManager("PUT", "/api/v1/benchmarks/place", vars(), () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("laCode", "931");
                    m.put("neighbourModel", "2025");
                    m.put("version", versionOf("/api/v1/benchmarks/place"));
                    return m;
                }),
                asManager("PUT", "/api/v1/benchmarks/mappings/{code}", code, () -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("measure", "children_count");
                    m.put("filters", List.of("population_type:Children looked after on 31 March each year"));
                    m.put("dataSetId", "e1b2c3d4-0000-4000-8000-000000000001");
                    m.put("countToRate", false);
                    m.put("targetFrom", "NEIGHBOURS_MEAN");
                    m.put("version", versionOf("/api/v1/benchmarks/mappings/" + CODE));
                    return m;
                }),
                // The EES API refresh: the check (nothing it can reach), and a staged version approved or discarded.
                asManager("POST", "/api/v1/benchmarks/staged/check", vars(), Map::of),
                asManager("POST", "/api/v1/benchmarks/staged/{id}/approve", vars("id", Long.toString(STAGED_ID)), Map::of)
                        .prepare(this::stage),
                asManager("POST", "/api/v1/benchmarks/staged/{id}/discard", vars("id", Long.toString(STAGED_ID)), Map::of)
                        .prepare(this::stage),
                // DHIS2 identifiers (issue 20): the manager's mappings, and their removal.
                asManager("PUT", DHIS2 + "/data-elements/{uid}", vars("uid", "HosDataEl01"),
                        () -> new LinkedHashMap<>(Map.of("indicator", CODE))),
                asManager("DELETE", DHIS2 + "/data-elements/{uid}", vars("uid", "HosDataEl02"), Map::of)
                        .prepare(() -> http.ok("PUT", DHIS2 + "/data-elements/HosDataEl02", manager(), Map.of("indicator", "HOS-EDIT"))),
                asManager("PUT", DHIS2 + "/org-units/{uid}", vars("uid", "HosOrgUnit1"), () -> new LinkedHashMap<>(Map.of("agency", "EI"))),
                asManager("DELETE", DHIS2 + "/org-units/{uid}", vars("uid", "HosOrgUnit2"), Map::of)
                        .prepare(() -> http.ok("PUT", DHIS2 + "/org-units/HosOrgUnit2", manager(), Map.of("agency", "EDU"))));
    }

    private static final long STAGED_ID = 900_001L;
    private static final String DHIS2 = "/api/v1/dhis2/mappings";

    /** A version of a data set staged for {@link #CODE} (as the refresh check would), afresh. */
    private void stage() {
        String csv = EES_HEADER + "\n" + ees("2018", "National", null, "75420") + "\n" + ees("2018", "Local authority", "931", "760") + "\n";
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM benchmark_staged WHERE id = ?")) {
                delete.setLong(1, STAGED_ID);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO benchmark_staged (id, indicator_code, data_set_id, data_set_version,"
                    + " status, csv_text, added, changed, unchanged, removed, staged_at) VALUES (?, ?, 'hostile-data-set', '1.0', 'STAGED', ?,"
                    + " 2, 0, 0, 0, CURRENT_TIMESTAMP)")) {
                insert.setLong(1, STAGED_ID);
                insert.setString(2, CODE);
                insert.setString(3, csv);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    private List<Target> routeList() {
        List<Target> all = new ArrayList<>(targets());
        all.add(asManager("POST", "/api/v1/benchmarks/import", vars(), Map::of));
        return all;
    }

    // ---- the tests -------------------------------------------------------------------------------------

    @Test
    void everyWriteRouteOfTheRouterIsAimedAt() {
        Hostile.assertEveryWriteRouteListed(router, routeList());
    }

    @TestFactory
    List<DynamicNode> everyWriteRouteWithHostileInput() {
        return Hostile.run(targets(), "indicator", http, db);
    }

    // ---- imports: broken files ----------------------------------------------------------------------

    private record Upload(String name, String query, String contentType, byte[] body, int status, String errorRow, String errorColumn) {
    }

    private static Upload csv(String name, String text, int status, String row, String column) {
        return new Upload(name, "format=quadrant&dryRun=false", "text/csv", text.getBytes(StandardCharsets.UTF_8), status, row, column);
    }

    private static String row(String period, String value, String comment) {
        return CODE + "," + period + ",CSC," + value + ",,," + comment;
    }

    List<Upload> uploads() {
        List<Upload> u = new ArrayList<>();
        String good = CSV_HEADER + "\n" + row("2011April", "3", "fine") + "\n";
        u.add(csv("wrong header", "code,when,who,how many\n" + row("2011April", "3", "x") + "\n", 400, "1", "indicator_code"));
        u.add(csv("missing value column", "indicator_code,period,agency\n" + CODE + ",2011April,CSC\n", 400, "1", "value"));
        u.add(csv("extra column in the header", "indicator_code,period,agency,value,extra\n" + CODE + ",2011April,CSC,3,x\n", 200, null, null));
        u.add(csv("extra field in a row", good + row("2010April", "3", "x") + ",surplus,more\n", 400, "3", ""));
        u.add(csv("unbalanced quotes", good + CODE + ",2010April,CSC,3,,,\"never closed\n", 400, "3", ""));
        u.add(csv("quote inside an unquoted field", CSV_HEADER + "\n" + row("2011April", "3", "a \"quoted\" word") + "\n", 200, null, null));
        u.add(csv("byte-order mark", "\uFEFF" + good, 200, null, null));
        u.add(csv("CRLF and LF mixed", CSV_HEADER + "\r\n" + row("2011April", "3", "a") + "\n" + row("2010April", "4", "b") + "\r\n"
                + row("2009April", "5", "c") + "\r", 200, null, null));
        u.add(csv("empty file", "", 400, null, null));
        u.add(csv("header only", CSV_HEADER + "\n", 400, "0", ""));
        u.add(csv("blank lines only", "\n\n\r\n", 400, "1", ""));
        u.add(csv("a bad row in the middle of a valid file (nothing written)", CSV_HEADER + "\n" + row("2011April", "3", "a") + "\n"
                + row("2010April", "4", "b") + "\n" + row("2009April", "not a number", "c") + "\n" + row("2008April", "6", "d") + "\n"
                + row("2007April", "7", "e") + "\n", 400, "4", "value"));
        u.add(csv("another agency's row in the middle (nothing written)", CSV_HEADER + "\n" + row("2011April", "3", "a") + "\n"
                + CODE + ",2010April,TVP,4,,,b\n" + row("2009April", "5", "c") + "\n", 400, "3", "agency"));
        u.add(csv("the same value twice", good + row("2011April", "4", "again") + "\n", 400, "3", "period"));
        u.add(csv("out-of-range numbers", CSV_HEADER + "\n" + row("2011April", "1e400", "a") + "\n" + row("2010April", "-0", "b") + "\n"
                + row("2009April", "NaN", "c") + "\n" + row("2008April", "123456789012345678901234567890", "d") + "\n", 400, "2", "value"));
        u.add(csv("NUL inside a code", CSV_HEADER + "\n" + "HOS\u0000CSC,2011April,CSC,3,,,x\n", 400, "2", "indicator_code"));
        // Leading and trailing control characters are trimmed like spaces; inside a comment they are kept.
        u.add(csv("control bytes in cells", CSV_HEADER + "\n" + CODE + "\u0000,2011April,CSC,3,,,a\u0001\u0002b\n", 200, null, null));
        u.add(csv("an unknown period", CSV_HEADER + "\n" + row("2011Aprilx", "3", "x") + "\n", 400, "2", "period"));
        u.add(csv("SQL and script in every cell", CSV_HEADER + "\n" + String.join(",", Hostile.SQL, "\"" + Hostile.IMG.replace("\"", "\"\"") + "\"",
                Hostile.SCRIPT, Hostile.SQL, Hostile.SCRIPT, Hostile.SCRIPT, Hostile.SCRIPT) + "\n", 400, "2", "indicator_code"));
        u.add(csv("a 5,000-character comment", CSV_HEADER + "\n" + row("2011April", "3", "x".repeat(5000)) + "\n", 400, "2", "comment"));
        StringBuilder garbage = new StringBuilder(CSV_HEADER).append('\n');
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            garbage.append("G").append(random.nextInt(1_000_000)).append(",P").append(i).append(",Z,").append(random.nextInt())
                    .append(",x,y,").append(Long.toHexString(random.nextLong())).append('\n');
        }
        u.add(csv("100,000 rows of garbage", garbage.toString(), 400, "2", "indicator_code"));
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        u.add(new Upload("binary bytes", "format=quadrant&dryRun=false", "text/csv", binary, 400, null, null));
        u.add(new Upload("a zip file's magic bytes", "format=quadrant&dryRun=false", "text/csv",
                new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe}, 400, null, null));
        u.add(new Upload("dry run of a valid file writes nothing", "format=quadrant&dryRun=true", "text/csv",
                good.getBytes(StandardCharsets.UTF_8), 200, null, null));
        u.add(new Upload("an unknown format", "format=xlsx", "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("dryRun not a boolean", "format=quadrant&dryRun=maybe", "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("Quadrant CSV sent as JSON", "format=quadrant", "application/json", good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("DHIS2 CSV with the wrong header", "format=dhis2", "text/csv",
                ("dataelement,period\n" + CODE + ",2011April\n").getBytes(StandardCharsets.UTF_8), 400, "1", "orgunit"));
        u.add(new Upload("DHIS2 JSON that is not JSON", "format=dhis2", "application/json", "{\"dataValues\":[".getBytes(StandardCharsets.UTF_8),
                400, "0", "body"));
        u.add(new Upload("DHIS2 JSON without a list", "format=dhis2", "application/json", "{\"dataValues\":{}}".getBytes(StandardCharsets.UTF_8),
                400, "0", "dataValues"));
        u.add(new Upload("DHIS2 JSON with values that are not objects", "format=dhis2", "application/json",
                "{\"dataValues\":[1,\"x\",null,[]]}".getBytes(StandardCharsets.UTF_8), 400, "1", "dataValues"));
        u.add(new Upload("DHIS2 JSON 10,000 deep", "format=dhis2", "application/json",
                ("{\"dataValues\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8), 400, null, null));
        // DHIS2 as it writes files (issue 20).
        u.add(new Upload("DHIS2 CSV, a header naming more columns than its rows have, all quoted, no final newline", "format=dhis2",
                "text/csv", ("\"dataelement\",\"period\",\"orgunit\",\"catoptcombo\",\"attroptcombo\",\"value\",\"storedby\",\"lastupdated\","
                        + "\"comment\",\"followup\",\"deleted\"\n\"" + CODE + "\",\"2011April\",\"CSC\",\"\",\"\",\"3\"")
                        .getBytes(StandardCharsets.UTF_8), 200, null, null));
        u.add(new Upload("DHIS2 CSV, deleted neither true nor false", "format=dhis2", "text/csv",
                ("dataelement,period,orgunit,value,deleted\n" + CODE + ",2011April,CSC,3,yes\n").getBytes(StandardCharsets.UTF_8),
                400, "2", "deleted"));
        u.add(new Upload("DHIS2 CSV, an unknown UID for a data element", "format=dhis2", "text/csv",
                ("dataelement,period,orgunit,value\n" + CODE + ",2011April,CSC,3\nZzUnknown01,2010April,CSC,4\n").getBytes(StandardCharsets.UTF_8),
                400, "3", "dataelement"));
        u.add(new Upload("DHIS2 JSON, deleted: true of a submitted value (nothing written)", "format=dhis2", "application/json",
                ("{\"dataValues\":[{\"dataElement\":\"" + CODE + "\",\"period\":\"2011April\",\"orgUnit\":\"CSC\",\"value\":\"3\"},"
                        + "{\"dataElement\":\"" + CODE + "\",\"period\":\"2016April\",\"orgUnit\":\"CSC\",\"deleted\":true}]}")
                        .getBytes(StandardCharsets.UTF_8), 400, "2", "deleted"));
        u.add(new Upload("DHIS2 JSON, the data value set's period of another form", "format=dhis2", "application/json",
                ("{\"period\":\"201801\",\"dataValues\":[{\"dataElement\":\"" + CODE + "\",\"orgUnit\":\"CSC\",\"value\":3}]}")
                        .getBytes(StandardCharsets.UTF_8), 400, "1", "period"));
        u.add(new Upload("DHIS2 JSON with a bad value in the middle (nothing written)", "format=dhis2", "application/json",
                ("{\"dataValues\":[{\"dataElement\":\"" + CODE + "\",\"period\":\"2011April\",\"orgUnit\":\"CSC\",\"value\":\"3\"},"
                        + "{\"dataElement\":\"" + CODE + "\",\"period\":\"2010April\",\"orgUnit\":\"CSC\",\"value\":{\"a\":1}},"
                        + "{\"dataElement\":\"" + CODE + "\",\"period\":\"2009April\",\"orgUnit\":\"CSC\",\"value\":\"5\"}]}")
                        .getBytes(StandardCharsets.UTF_8), 400, "2", "value"));
        return u;
    }

    @TestFactory
    List<DynamicTest> brokenImportsAreRefusedByRowAndColumnAndWriteNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Upload up : uploads()) {
            tests.add(DynamicTest.dynamicTest(up.name(), () -> {
                resetImportedPeriods();
                Map<String, Hostile.Db.Snapshot> before = db.snapshot();
                PlainHttp.Res res = http.sendBytes("POST", "/api/v1/values/import?" + up.query(), cscLead(), up.body(), up.contentType());
                String what = "import " + up.name();
                Hostile.assertSafeAnswer(what, res, true);
                assertEquals(up.status(), res.status(), () -> what + " -> " + res);
                Map<String, Hostile.Db.Snapshot> after = db.snapshot();
                if (res.status() != 200 || up.query().contains("dryRun=true")) {
                    assertEquals(Hostile.Db.fingerprint(before), Hostile.Db.fingerprint(after),
                            () -> what + ": nothing may be written, but " + Hostile.Db.describe(Hostile.Db.diff(before, after)));
                } else {
                    assertFalse(Hostile.Db.diff(before, after).isEmpty(), () -> what + " was accepted but wrote nothing");
                }
                if (up.errorRow() != null) {
                    String expected = "{\"row\":" + up.errorRow() + ",\"column\":\"" + up.errorColumn() + "\"";
                    assertTrue(res.body().contains(expected), () -> what + ": expected an error at " + expected + " in " + res);
                }
            }));
        }
        return tests;
    }

    private static final String EES_HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
            + "region_name,old_la_code,la_name,new_la_code,population_type,children_count";

    private static String ees(String year, String level, String la, String value) {
        return year + ",Reporting year," + level + ",E92000001,England," + (level.equals("National") ? ",," : "E12000008,South East,")
                + (la == null ? ",," : la + ",Somewhere,E10000025") + ",Children looked after on 31 March each year," + value;
    }

    private static Upload eesCsv(String name, String text, int status, String row, String column) {
        return new Upload(name, "format=ees&indicator=" + CODE + "&measure=children_count&dryRun=false", "text/csv",
                text.getBytes(StandardCharsets.UTF_8), status, row, column);
    }

    /** Broken EES files: never a 5xx, errors by row and column, nothing written. */
    List<Upload> eesUploads() {
        List<Upload> u = new ArrayList<>();
        String good = EES_HEADER + "\n" + ees("2018", "National", null, "75420") + "\n" + ees("2018", "Local authority", "931", "760") + "\n";
        u.add(eesCsv("a valid file", good, 200, null, null));
        u.add(eesCsv("byte-order mark and CRLF", "\uFEFF" + good.replace("\n", "\r\n"), 200, null, null));
        u.add(eesCsv("a code instead of a figure", good + ees("2018", "Local authority", "850", "c") + "\n", 200, null, null));
        u.add(eesCsv("no measure column", good.replace("children_count", "count"), 400, "1", "children_count"));
        u.add(eesCsv("no time_period column", good.replace("time_period", "year"), 400, "1", "time_period"));
        u.add(eesCsv("a figure that is not a number in the middle", good + ees("2018", "Local authority", "850", "=1+1") + "\n"
                + ees("2018", "Local authority", "886", "5") + "\n", 400, "4", "children_count"));
        u.add(eesCsv("an empty figure", good + ees("2018", "Local authority", "850", "") + "\n", 400, "4", "children_count"));
        u.add(eesCsv("1e400", good + ees("2018", "Local authority", "850", "1e400") + "\n", 400, "4", "children_count"));
        u.add(eesCsv("NaN", good + ees("2018", "Local authority", "850", "NaN") + "\n", 400, "4", "children_count"));
        u.add(eesCsv("a script as an authority code", good + ees("2018", "Local authority", Hostile.SCRIPT, "5") + "\n", 400, "4", "old_la_code"));
        u.add(eesCsv("SQL as a year", good + ees(Hostile.SQL, "Local authority", "850", "5") + "\n", 400, "4", "time_period"));
        u.add(eesCsv("the same authority twice", good + ees("2018", "Local authority", "931", "761") + "\n", 400, "4", "children_count"));
        u.add(eesCsv("unbalanced quotes", good + "2018,\"Reporting year,National\n", 400, "4", ""));
        u.add(eesCsv("header only", EES_HEADER + "\n", 400, "0", ""));
        u.add(eesCsv("empty file (a problem naming the body)", "", 400, null, null));
        byte[] binary = new byte[64 * 1024];
        new Random(16).nextBytes(binary);
        u.add(new Upload("binary bytes", "format=ees&indicator=" + CODE + "&measure=children_count", "text/csv", binary, 400, null, null));
        u.add(new Upload("an unknown indicator", "format=ees&indicator=HOS-NONE&measure=children_count", "text/csv",
                good.getBytes(StandardCharsets.UTF_8), 404, null, null));
        u.add(new Upload("a measure that is not a column name", "format=ees&indicator=" + CODE + "&measure=" + Hostile.SQL.replace(" ", "%20"),
                "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, "0", "measure"));
        u.add(new Upload("a filter that is not column:value", "format=ees&indicator=" + CODE + "&measure=children_count&filter=nocolon",
                "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, "0", "filter"));
        u.add(new Upload("an unknown format", "format=xlsx&indicator=" + CODE, "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("dryRun not a boolean", "format=ees&indicator=" + CODE + "&dryRun=maybe", "text/csv",
                good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("no indicator", "format=ees&measure=children_count", "text/csv", good.getBytes(StandardCharsets.UTF_8), 400, null, null));
        u.add(new Upload("EES CSV sent as JSON", "format=ees&indicator=" + CODE, "application/json", good.getBytes(StandardCharsets.UTF_8),
                415, null, null));
        u.add(new Upload("dry run of a valid file writes nothing", "format=ees&indicator=" + CODE + "&measure=children_count&dryRun=true",
                "text/csv", good.replace("760", "759").getBytes(StandardCharsets.UTF_8), 200, null, null));
        return u;
    }

    @TestFactory
    List<DynamicTest> brokenEesFilesAreRefusedByRowAndColumnAndWriteNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Upload up : eesUploads()) {
            tests.add(DynamicTest.dynamicTest(up.name(), () -> {
                Map<String, Hostile.Db.Snapshot> before = db.snapshot();
                PlainHttp.Res res = http.sendBytes("POST", "/api/v1/benchmarks/import?" + up.query(), manager(), up.body(), up.contentType());
                String what = "EES import " + up.name();
                Hostile.assertSafeAnswer(what, res, true);
                assertEquals(up.status(), res.status(), () -> what + " -> " + res);
                if (res.status() != 200 || up.query().contains("dryRun=true")) {
                    assertEquals(Hostile.Db.fingerprint(before), Hostile.Db.fingerprint(db.snapshot()),
                            () -> what + ": nothing may be written, but " + Hostile.Db.describe(Hostile.Db.diff(before, db.snapshot())));
                }
                if (up.errorRow() != null) {
                    String expected = "{\"row\":" + up.errorRow() + ",\"column\":\"" + up.errorColumn() + "\"";
                    assertTrue(res.body().contains(expected), () -> what + ": expected an error at " + expected + " in " + res);
                }
            }));
        }
        return tests;
    }

    /** The periods the uploads write: back to nothing (their values deleted through the workflow is not possible; editable suffices). */
    private void resetImportedPeriods() {
        for (String p : List.of("2011April", "2010April", "2009April", "2008April", "2007April")) {
            Map<String, Object> v = value(p);
            if (v != null && !"DRAFT".equals(v.get("status")) && !"RETURNED".equals(v.get("status"))) {
                bring(p, "DRAFT");
            }
        }
    }

    // ---- CSV exports: formula injection ---------------------------------------------------------------

    /** Text a spreadsheet would run as a formula (OWASP CSV injection), by its first character. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example/\",\"x\")", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", Hostile.FORMULA);

    @TestFactory
    List<DynamicTest> csvExportsNeutraliseFormulas() {
        String code = "HOS-EXPORT";
        Map<String, Object> def = indicator(code, "=HYPERLINK(\"http://evil.example/\",\"title\")");
        http.ok("POST", I, manager(), def);
        String[] periods = {"2010April", "2011April", "2012April", "2013April", "2014April", "2015April", "2016April"};
        for (int i = 0; i < FORMULAS.size(); i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agency", "CSC");
            body.put("value", 10 + i);
            body.put("comment", FORMULAS.get(i));
            http.ok("PUT", I + "/" + code + "/values/" + periods[i], cscLead(), body);
        }
        // (A benchmark's comparator is a controlled name: "=EVIL" is refused, so it cannot reach the CSV.)
        PlainHttp.Res refused = http.send("PUT", I + "/" + code + "/benchmarks/2016April/=EVIL", manager(), "{\"value\":5}", "application/json");
        assertEquals(400, refused.status(), () -> "a formula as a benchmark comparator: " + refused);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the comments are stored as sent", () -> {
            for (int i = 0; i < FORMULAS.size(); i++) {
                PlainHttp.Res res = http.send("GET", I + "/" + code + "/values/" + periods[i] + "?agency=CSC", cscLead(), null, null);
                // Comments are stored trimmed (a leading tab or CR goes), otherwise as sent.
                assertEquals(FORMULAS.get(i).strip(), http.map(res.body()).get("comment"), () -> "stored: " + res);
            }
        }));
        for (String path : List.of(I + "/" + code + "/series.csv?agency=CSC", "/api/v1/scorecard.csv?agency=CSC")) {
            tests.add(DynamicTest.dynamicTest(path, () -> {
                PlainHttp.Res res = http.send("GET", path, cscLead(), null, null);
                assertEquals(200, res.status(), () -> path + " -> " + res);
                assertTrue(res.contentType().startsWith("text/csv"), () -> path + " -> " + res.contentType());
                List<CSVRecord> lines = CSVParser.parse(res.body(), CSVFormat.DEFAULT).getRecords();
                int dangerous = 0;
                for (CSVRecord line : lines) {
                    for (String cell : line) {
                        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                            assertTrue(isNumber(cell), () -> path + ": record " + line.getRecordNumber() + " has a cell a spreadsheet would run: "
                                    + cell.replace("\t", "\\t").replace("\r", "\\r"));
                        }
                        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
                            dangerous++;
                        }
                    }
                }
                int expected = path.contains("series") ? FORMULAS.size() : 2; // the comments / the title and the latest comment
                assertTrue(dangerous >= expected, "expected at least " + expected + " neutralised cells in " + path + ", found "
                        + dangerous + ":\n" + res.body());
                for (String formula : FORMULAS) {
                    if (path.contains("series")) {
                        String neutral = "'" + formula.strip();
                        assertTrue(lines.stream().anyMatch(l -> l.toList().contains(neutral)),
                                () -> path + ": no cell " + neutral.replace("\t", "\\t").replace("\r", "\\r") + " (the comment, prefixed with ')");
                    }
                }
            }));
        }
        return tests;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
