package uk.org.quadrant.indicators.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV and DHIS2 imports: all or nothing, dry runs, per-row errors, agency scoping; CSV exports. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiTest implements TestPropertyProvider {

    private static final String HEADER = "indicator_code,period,agency,value,numerator,denominator,comment\n";
    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient http;

    String manager;
    String cscUser;
    String tvpUser;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @BeforeAll
    void defineIndicators() {
        manager = tokens.board("manager", "BOARD_MANAGER");
        cscUser = tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
        tvpUser = tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
        define("IM-CP", "COUNT", "FINANCIAL_YEAR", "CSC");
        define("IM-MASH", "PERCENT", "FINANCIAL_YEAR", "CSC");
        define("IM-MONTHLY", "COUNT", "MONTHLY", "TVP");
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    @Test
    void goodFileImportsEveryRowAsDraft() {
        String csv = HEADER + "IM-CP,2015April,CSC,569,,,\"base year, before the rise\"\r\n"
                + "IM-CP,2016April,CSC,607,,,\n"
                + "IM-MASH,2016April,CSC,,45,100,\n";
        Map<String, Object> result = importCsv("quadrant", false, csv, cscUser, HttpStatus.OK);
        assertEquals(3, result.get("imported"));
        assertEquals(List.of(), result.get("errors"));
        Map<Object, Map<String, Object>> byPeriod = new java.util.HashMap<>();
        series("IM-CP", cscUser).forEach(p -> byPeriod.put(p.get("period"), p));
        assertEquals("base year, before the rise", byPeriod.get("2015April").get("comment"));
        assertEquals(607, ((Number) byPeriod.get("2016April").get("value")).intValue());
        assertEquals("DRAFT", byPeriod.get("2016April").get("status"));
        assertEquals(45, ((Number) series("IM-MASH", cscUser).get(0).get("value")).intValue());
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryErrorIsNamed() {
        String csv = HEADER + "IM-CP,2014April,CSC,500,,,\n"
                + "IM-CP,2013,CSC,10,,,\n"          // wrong period form
                + "NO-SUCH,2014April,CSC,1,,,\n"    // unknown indicator
                + "IM-CP,2012April,CSC,-3,,,\n"     // negative count
                + "IM-MASH,2014April,CSC,,120,100,\n" // numerator > denominator
                + "IM-CP,2011April,CSC,lots,,,\n";  // not a number
        Map<String, Object> result = importCsv("quadrant", false, csv, cscUser, HttpStatus.BAD_REQUEST);
        assertEquals(0, result.get("imported"));
        List<?> errors = (List<?>) result.get("errors");
        assertEquals(List.of(
                        Map.of("row", 3, "column", "period"),
                        Map.of("row", 4, "column", "indicator_code"),
                        Map.of("row", 5, "column", "value"),
                        Map.of("row", 6, "column", "numerator"),
                        Map.of("row", 7, "column", "value")),
                errors.stream().map(e -> Map.of("row", ((Map<?, ?>) e).get("row"), "column", ((Map<?, ?>) e).get("column"))).toList());
        assertTrue(series("IM-CP", cscUser).stream().noneMatch(p -> "2014April".equals(p.get("period"))),
                "the good row must not have been written");
    }

    @Test
    void dryRunChecksButWritesNothing() {
        Map<String, Object> result = importCsv("quadrant", true, HEADER + "IM-CP,2019April,CSC,800,,,\n", cscUser, HttpStatus.OK);
        assertEquals(0, result.get("imported"));
        assertEquals(1, result.get("valid"));
        assertEquals(true, result.get("dryRun"));
        assertTrue(series("IM-CP", cscUser).stream().noneMatch(p -> "2019April".equals(p.get("period"))));
    }

    @Test
    void anAgencyCannotImportAnotherAgencysValues() {
        Map<String, Object> result = importCsv("quadrant", false, HEADER + "IM-CP,2020April,CSC,1,,,\n", tvpUser, HttpStatus.BAD_REQUEST);
        Map<?, ?> error = (Map<?, ?>) ((List<?>) result.get("errors")).get(0);
        assertEquals("agency", error.get("column"));
        assertTrue(series("IM-CP", manager).stream().noneMatch(p -> "2020April".equals(p.get("period"))));
    }

    @Test
    void theChairCannotImport() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/values/import?format=quadrant", HEADER + "IM-CP,2021April,CSC,1,,,\n")
                        .contentType("text/csv").bearerAuth(tokens.board("chair", "BOARD_CHAIR"))));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/values/import?format=quadrant", HEADER).contentType("text/csv")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void dhis2CsvAndJsonUseDataElementOrgUnitAndPeriod() {
        String csv = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n"
                + "IM-MONTHLY,201803,TVP,,,12,,,from DHIS2,false\n"
                + "IM-MONTHLY,201804,TVP,,,14,,,,false\n";
        assertEquals(2, importCsv("dhis2", false, csv, tvpUser, HttpStatus.OK).get("imported"));
        String json = "{\"dataValues\":[{\"dataElement\":\"IM-MONTHLY\",\"period\":\"201805\",\"orgUnit\":\"TVP\",\"value\":\"15\"},"
                + "{\"dataElement\":\"IM-MONTHLY\",\"period\":\"2018Q2\",\"orgUnit\":\"TVP\",\"value\":\"1\"}]}";
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/values/import?format=dhis2", json).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(tvpUser),
                Argument.mapOf(String.class, Object.class)));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        String body = bad.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"row\":2,\"column\":\"period\""), body);
        assertEquals(List.of("201803", "201804"), series("IM-MONTHLY", tvpUser).stream().map(p -> p.get("period")).toList());
    }

    @Test
    void brokenFilesAreA400NeverA500() {
        for (String broken : new String[]{"", "just one line with no header columns", HEADER + "\"unterminated,2017April,CSC,1,,,\n",
                "indicator_code,period\nIM-CP,2017April\n", HEADER + "IM-CP,2017April,CSC,1,,,,extra,fields\n"}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.POST("/api/v1/values/import?format=quadrant", broken).contentType("text/csv").bearerAuth(cscUser)));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), broken);
        }
    }

    @Test
    void seriesExportIsCsvSafeForSpreadsheets() {
        importCsv("quadrant", false, HEADER + "IM-CP,2010April,CSC,1,,,\"=HYPERLINK(\"\"http://evil\"\")\"\n", cscUser, HttpStatus.OK);
        HttpResponse<String> csv = http.toBlocking().exchange(HttpRequest.GET("/api/v1/indicators/IM-CP/series.csv").bearerAuth(cscUser), String.class);
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(csv.getHeaders().get("Content-Disposition").contains("IM-CP-series.csv"));
        String body = csv.body();
        assertTrue(body.startsWith("indicator_code,period,period_label,agency,value"), body);
        assertTrue(body.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), body);
        assertFalse(body.contains(",=HYPERLINK"), body);
        // another agency's drafts never leave in an export
        String tvpView = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/indicators/IM-CP/series.csv").bearerAuth(tvpUser));
        assertFalse(tvpView.contains("2010April"), tvpView);
    }

    @Test
    void scorecardExportHasOneLinePerIndicator() {
        String body = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/scorecard.csv?agency=CSC").bearerAuth(manager));
        assertTrue(body.startsWith("code,title,owner_agency"), body);
        assertTrue(body.contains("\r\nIM-CP,"), body);
        assertFalse(body.contains("IM-MONTHLY"), "filtered to CSC's indicators: " + body);
    }

    private void define(String code, String unit, String frequency, String owner) {
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/indicators", Map.of("code", code, "title", "Import test " + code,
                "unit", unit, "polarity", "LOWER_IS_BETTER", "frequency", frequency, "ownerAgency", owner, "priority", 3))
                .bearerAuth(manager));
    }

    private Map<String, Object> importCsv(String format, boolean dryRun, String csv, String token, HttpStatus expected) {
        HttpRequest<String> request = HttpRequest.POST("/api/v1/values/import?format=" + format + "&dryRun=" + dryRun, csv)
                .contentType("text/csv").bearerAuth(token);
        try {
            HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
            assertEquals(expected, response.getStatus());
            return response.body();
        } catch (HttpClientResponseException e) {
            assertEquals(expected, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
            return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        }
    }

    private List<Map<String, Object>> series(String code, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/indicators/" + code + "/series").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void aCachedScorecardNeverOutlivesAWrite() {
        define("IM-CACHE", "COUNT", "FINANCIAL_YEAR", "CSC");
        String agencyScorecard = "/api/v1/scorecard?agency=CSC";
        importCsv("quadrant", false, HEADER + "IM-CACHE,2016April,CSC,10,,,\n", cscUser, HttpStatus.OK);
        assertEquals(10, cacheRow(agencyScorecard).intValue());
        assertEquals(10, cacheRow(agencyScorecard).intValue(), "served again, unchanged");
        importCsv("quadrant", false, HEADER + "IM-CACHE,2017April,CSC,12,,,\n", cscUser, HttpStatus.OK);
        assertEquals(12, cacheRow(agencyScorecard).intValue(), "the import made the cached scorecard stale");
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/indicators/IM-CACHE/values/2018April",
                Map.of("agency", "CSC", "value", 15)).bearerAuth(cscUser));
        assertEquals(15, cacheRow(agencyScorecard).intValue(), "so did a single value");
    }

    private Number cacheRow(String path) {
        List<Map<String, Object>> rows = http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(cscUser),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return (Number) rows.stream().filter(r -> "IM-CACHE".equals(r.get("code"))).findFirst().orElseThrow().get("value");
    }
}
