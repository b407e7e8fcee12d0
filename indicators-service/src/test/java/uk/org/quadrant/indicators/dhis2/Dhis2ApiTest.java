package uk.org.quadrant.indicators.dhis2;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.api.ServiceApiTest;
import uk.org.quadrant.indicators.imports.CsvLines;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.body;

/**
 * Issue 20, DHIS2 for real: the two real DHIS2 files (fixtures of the DHIS2 project, see
 * {@code imports/README.md}) are refused row by row while their UIDs are unmapped and import once they are
 * mapped; the format's variants; deleted rows; the mappings API; the export and the round trip.
 */
@MicronautTest(transactional = false)
class Dhis2ApiTest extends ServiceApiTest {

    private static final String MAPPINGS = "/api/v1/dhis2/mappings";
    private static final String IMPORT = "/api/v1/values/import?format=dhis2&dryRun=";

    @Inject
    DataSource dataSource;

    // ---- the real files --------------------------------------------------------------------------------

    @Test
    void theRealCsvIsRefusedRowByRowUntilMappedThenImportsAndComesBackOut() {
        String file = resource("imports/dataValueSetB.csv");
        assertFalse(file.endsWith("\n"), "the real file has no final newline");
        // The fixture's data elements are 201201-style months; three indicators, two agencies.
        define("DB-F7N", "COUNT", "MONTHLY", "CSC");
        define("DB-IX2", "COUNT", "MONTHLY", "CSC");
        define("DB-EY5", "COUNT", "MONTHLY", "TVP");

        Answer refused = importFile("text/csv", file, manager(), false).expect(400);
        List<Map<String, Object>> errors = errors(refused);
        assertEquals(12 * 2, errors.size(), refused::toString);
        for (int row = 2; row <= 13; row++) {
            assertTrue(hasError(errors, row, "dataelement", "neither a mapped data element nor an indicator code"), refused::toString);
            assertTrue(hasError(errors, row, "orgunit", "neither a mapped org unit nor an agency code"), refused::toString);
        }
        assertEquals(0, ((Number) refused.get("imported")).intValue());

        mapElement("f7n9E0hX8qk", null, "DB-F7N");
        mapElement("Ix2HsbDMLea", null, "DB-IX2");
        mapElement("eY5ehpbEsB7", null, "DB-EY5");
        mapOrgUnit("DiszpKrYNg8", "CSC");
        mapOrgUnit("BdfsJfj87js", "EI");
        Answer dry = importFile("text/csv", file, manager(), true).expect(200);
        assertEquals(12, ((Number) dry.get("valid")).intValue(), dry::toString);
        assertEquals(0, ((Number) dry.get("imported")).intValue());
        Answer done = importFile("text/csv", file, manager(), false).expect(200);
        assertEquals(12, ((Number) done.get("imported")).intValue(), done::toString);

        // As CSC sees its own drafts: the mapped UIDs, the values, the comment.
        List<Map<String, Object>> csc = dataValues("indicator=DB-F7N&agency=CSC", cscUser());
        assertEquals(List.of("201201", "201202"), csc.stream().map(v -> v.get("period")).toList());
        Map<String, Object> first = csc.get(0);
        assertEquals("f7n9E0hX8qk", first.get("dataElement"));
        assertEquals("DiszpKrYNg8", first.get("orgUnit"));
        assertEquals("10001", first.get("value"));
        assertEquals("comment", first.get("comment"));
        assertEquals("10003", csc.get(1).get("value"));
        // Another agency's drafts are not CSC's to see: of DB-EY5 (TVP's indicator), CSC sees its own breakdown only.
        assertEquals(List.of("10009", "10011"), dataValues("indicator=DB-EY5", cscUser()).stream().map(v -> v.get("value")).toList());
        assertEquals(List.of("10010", "10012"), dataValues("indicator=DB-EY5", tokens.agencyUser("ei.user", "EI", "AGENCY_CONTRIBUTOR"))
                .stream().map(v -> v.get("value")).toList());
    }

    @Test
    void theRealJsonIsRefusedRowByRowUntilMappedThenEveryValueImports() {
        String file = resource("imports/dataValues_bulk.json");
        List<Map<String, Object>> values = dataValuesOf(file);
        assertEquals(231, values.size());

        Answer refused = importFile("application/json", file, manager(), false).expect(400);
        List<Map<String, Object>> errors = errors(refused);
        for (int row = 1; row <= 231; row++) {
            assertTrue(hasError(errors, row, "dataElement", "neither a mapped data element nor an indicator code"), "row " + row);
            assertTrue(hasError(errors, row, "orgUnit", "neither a mapped org unit nor an agency code"), "row " + row);
        }

        // One indicator per data element and combo; a data element with one combo only is mapped for every combo.
        Map<String, Set<String>> combos = new LinkedHashMap<>();
        Map<String, String> periods = new LinkedHashMap<>();
        for (Map<String, Object> v : values) {
            combos.computeIfAbsent((String) v.get("dataElement"), k -> new LinkedHashSet<>()).add((String) v.get("categoryOptionCombo"));
            periods.put((String) v.get("dataElement"), (String) v.get("period"));
        }
        assertEquals(73, combos.size());
        int n = 0;
        Map<String, String> indicatorOf = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : combos.entrySet()) {
            String frequency = periods.get(e.getKey()).length() == 4 ? "CALENDAR_YEAR" : "MONTHLY";
            for (String combo : e.getValue()) {
                String code = "BULK-" + (++n);
                define(code, "COUNT", frequency, "OH");
                mapElement(e.getKey(), e.getValue().size() == 1 ? null : combo, code);
                indicatorOf.put(e.getKey() + "/" + combo, code);
            }
        }
        // Before the org unit is mapped, only the org unit is wrong.
        Answer half = importFile("application/json", file, manager(), true).expect(400);
        assertEquals(231, errors(half).size(), half::toString);
        assertTrue(errors(half).stream().allMatch(err -> "orgUnit".equals(err.get("column"))), half::toString);
        mapOrgUnit("O6uvpzGd5pu", "OH");

        Answer done = importFile("application/json", file, manager(), false).expect(200);
        assertEquals(231, ((Number) done.get("imported")).intValue(), done::toString);
        // Every value is held as it was sent (true/false as 1/0), under the mapped UIDs.
        for (Map<String, Object> v : values) {
            String code = indicatorOf.get(v.get("dataElement") + "/" + v.get("categoryOptionCombo"));
            List<Map<String, Object>> out = dataValues("indicator=" + code, ohUser());
            assertEquals(1, out.size(), code);
            String expected = switch ((String) v.get("value")) {
                case "true" -> "1";
                case "false" -> "0";
                default -> (String) v.get("value");
            };
            assertEquals(expected, out.get(0).get("value"), code);
            assertEquals(v.get("dataElement"), out.get(0).get("dataElement"));
            assertEquals(v.get("period"), out.get(0).get("period"));
            assertEquals("O6uvpzGd5pu", out.get(0).get("orgUnit"));
            if (combos.get(v.get("dataElement")).size() > 1) {
                assertEquals(v.get("categoryOptionCombo"), out.get(0).get("categoryOptionCombo"), code);
            }
            if (v.get("comment") != null) {
                assertEquals(v.get("comment"), out.get(0).get("comment"));
            }
        }
    }

    // ---- the format's variants ------------------------------------------------------------------------

    @Test
    void csvColumnNamesInAnyCaseAndOlderFormsShortRowsAndAnUnmappedComboNamedByItsColumn() {
        define("VAR-A", "COUNT", "MONTHLY", "EDU");
        define("VAR-B", "COUNT", "MONTHLY", "EDU");
        mapElement("VarDataEl01", "VarCombo001", "VAR-A");
        mapElement("VarDataEl01", "VarCombo002", "VAR-B");
        mapOrgUnit("VarOrgUnit1", "EDU");
        // Older names, any case, every field quoted, rows shorter than the header (no followup, no deleted), no final newline.
        String csv = "\"DataElement\",\"Period\",\"OrgUnit\",\"CatOptCombo\",\"AttrOptCombo\",\"Value\",\"StoredBy\",\"Timestamp\",\"Comment\",\"FollowUp\",\"Deleted\"\n"
                + "\"VarDataEl01\",\"201801\",\"VarOrgUnit1\",\"VarCombo001\",\"HllvX50cXC0\",\"5\",\"john\",\"2018-02-01\",\"first\"\n"
                + "\"VarDataEl01\",\"201801\",\"VarOrgUnit1\",\"VarCombo002\",\"\",\"7\"";
        Answer ok = importFile("text/csv", csv, eduUser(), false).expect(200);
        assertEquals(2, ((Number) ok.get("imported")).intValue(), ok::toString);
        assertEquals("first", dataValues("indicator=VAR-A", eduUser()).get(0).get("comment"));
        assertEquals("7", dataValues("indicator=VAR-B", eduUser()).get(0).get("value"));
        // The newer names; a combo the data element has no mapping for is an error on that column.
        String newer = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\n"
                + "VarDataEl01,201802,VarOrgUnit1,VarCombo003,,9,,,,false,false\n"
                + "VarDataEl01,201802,VarOrgUnit1,,,9\n";
        Answer bad = importFile("text/csv", newer, eduUser(), false).expect(400);
        assertTrue(hasError(errors(bad), 2, "categoryoptioncombo", "not for VarCombo003"), bad::toString);
        assertTrue(hasError(errors(bad), 3, "categoryoptioncombo", "without a category option combo"), bad::toString);
        String older = "dataelement,period,orgunit,catoptcombo,attroptcombo,value\nVarDataEl01,201802,VarOrgUnit1,VarCombo003,,9\n";
        assertTrue(hasError(errors(importFile("text/csv", older, eduUser(), false).expect(400)), 2, "catoptcombo", "VarCombo003"));
        // Codes are still accepted beside UIDs; a row longer than the header is refused (never a 500).
        String codes = "dataelement,period,orgunit,value\nVAR-A,201803,EDU,1\nVAR-A,201804,VarOrgUnit1,2,surplus\n";
        assertTrue(hasError(errors(importFile("text/csv", codes, eduUser(), false).expect(400)), 3, "", "fields but the header has"));
        assertEquals(200, importFile("text/csv", "dataelement,period,orgunit,value\nVAR-A,201803,EDU,1\nVAR-A,201804,VarOrgUnit1,2\n",
                eduUser(), false).status);
    }

    @Test
    void jsonValuesAsStringsOrNumbersAndTheSetsOwnPeriodAndOrgUnit() {
        define("JSN-A", "COUNT", "MONTHLY", "PH");
        mapElement("JsnDataEl01", null, "JSN-A");
        mapOrgUnit("JsnOrgUnit1", "PH");
        String json = "{\"dataSet\":\"pBOMPrpg1QX\",\"completeDate\":\"2019-01-05\",\"period\":\"201812\",\"orgUnit\":\"JsnOrgUnit1\","
                + "\"attributeOptionCombo\":\"HllvX50cXC0\",\"dataValues\":["
                + "{\"dataElement\":\"JsnDataEl01\",\"categoryOptionCombo\":\"HllvX50cXC0\",\"value\":\"12\",\"comment\":\"as a string\"},"
                + "{\"dataElement\":\"JsnDataEl01\",\"period\":\"201811\",\"value\":11,\"followup\":false},"
                + "{\"dataElement\":\"JsnDataEl01\",\"period\":\"201810\",\"orgUnit\":\"PH\",\"value\":\"true\"}]}";
        String ph = tokens.agencyUser("ph.user", "PH", "AGENCY_CONTRIBUTOR");
        Answer ok = importFile("application/json", json, ph, false).expect(200);
        assertEquals(3, ((Number) ok.get("imported")).intValue(), ok::toString);
        List<Map<String, Object>> out = dataValues("indicator=JSN-A", ph);
        assertEquals(List.of("201810", "201811", "201812"), out.stream().map(v -> v.get("period")).toList());
        assertEquals(List.of("1", "11", "12"), out.stream().map(v -> v.get("value")).toList());
        assertTrue(out.stream().allMatch(v -> "JsnOrgUnit1".equals(v.get("orgUnit"))));
        // Without the set's period or orgUnit a value that names none is an error on that field.
        Answer bad = importFile("application/json", "{\"dataValues\":[{\"dataElement\":\"JsnDataEl01\",\"value\":\"1\"}]}", ph, false)
                .expect(400);
        assertTrue(hasError(errors(bad), 1, "period", "required"), bad::toString);
        assertTrue(hasError(errors(bad), 1, "orgUnit", "required"), bad::toString);
    }

    @Test
    void deletedRowsRemoveADraftAreRefusedForASubmittedValueAndDoNothingWithoutOne() {
        define("DEL-A", "COUNT", "MONTHLY", "CSC");
        mapElement("DelDataEl01", null, "DEL-A");
        mapOrgUnit("DelOrgUnit1", "CCG");
        String ccgUser = tokens.agencyUser("ccg.user", "CCG", "AGENCY_CONTRIBUTOR");
        String ccgLead = tokens.agencyUser("ccg.lead", "CCG", "AGENCY_LEAD");
        String header = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\n";
        importFile("text/csv", header + "DelDataEl01,201801,DelOrgUnit1,,,5,,,,false,false\nDelDataEl01,201802,DelOrgUnit1,,,6,,,,,\n",
                ccgUser, false).expect(200);
        api().post(ccgLead, "/api/v1/indicators/DEL-A/values/201802/submit", body("agency", "CCG")).expect(200);
        // The submitted value cannot be removed by a file; nothing is written.
        Answer refused = importFile("text/csv", header + "DelDataEl01,201801,DelOrgUnit1,,,5,,,,false,true\n"
                + "DelDataEl01,201802,DelOrgUnit1,,,6,,,,false,true\n", ccgUser, false).expect(400);
        assertTrue(hasError(errors(refused), 3, "deleted", "SUBMITTED"), refused::toString);
        assertEquals(2, dataValues("indicator=DEL-A", ccgUser).size());
        // The draft goes (its value is not checked); a value never held is nothing to remove; a bad flag is an error.
        Answer gone = importFile("application/json", "{\"dataValues\":[{\"dataElement\":\"DelDataEl01\",\"period\":\"201801\","
                + "\"orgUnit\":\"DelOrgUnit1\",\"value\":\"not a number\",\"deleted\":true},{\"dataElement\":\"DelDataEl01\","
                + "\"period\":\"201705\",\"orgUnit\":\"DelOrgUnit1\",\"deleted\":\"true\"}]}", ccgUser, false).expect(200);
        assertEquals(2, ((Number) gone.get("imported")).intValue(), gone::toString);
        assertEquals(List.of("201802"), dataValues("indicator=DEL-A", ccgUser).stream().map(v -> v.get("period")).toList());
        assertTrue(hasError(errors(importFile("text/csv", header + "DelDataEl01,201803,DelOrgUnit1,,,5,,,,false,maybe\n", ccgUser, false)
                .expect(400)), 2, "deleted", "not true or false"));
        Api.Res log = api().get(manager(), "/api/v1/change-log?entityType=value&limit=500").expect(200);
        assertTrue(log.body.contains("IMPORT_DELETE") && log.body.contains("DEL-A/CCG/201801"), log::toString);
    }

    // ---- the mappings ---------------------------------------------------------------------------------

    @Test
    void mappingsAreTheManagersToWriteAndEveryonesToRead() {
        define("MAP-A", "COUNT", "MONTHLY", "CSC");
        define("MAP-B", "COUNT", "MONTHLY", "CSC");
        api().put(cscLead(), MAPPINGS + "/data-elements/MapDataEl01", body("indicator", "MAP-A")).expect(403);
        api().put(cscLead(), MAPPINGS + "/org-units/MapOrgUnit1", body("agency", "CSC")).expect(403);
        api().put(manager(), MAPPINGS + "/data-elements/short", body("indicator", "MAP-A")).expectFieldError("uid");
        api().put(manager(), MAPPINGS + "/data-elements/1apDataEl01", body("indicator", "MAP-A")).expectFieldError("uid");
        api().put(manager(), MAPPINGS + "/data-elements/MapDataEl01?categoryOptionCombo=bad-combo!!", body("indicator", "MAP-A"))
                .expectFieldError("categoryOptionCombo");
        api().put(manager(), MAPPINGS + "/data-elements/MapDataEl01", body("indicator", "NO-SUCH")).expectFieldError("indicator", "no indicator");
        api().put(manager(), MAPPINGS + "/data-elements/MapDataEl01", Map.of()).expectFieldError("indicator");
        api().put(manager(), MAPPINGS + "/org-units/MapOrgUnit1", body("agency", "csc")).expectFieldError("agency", "no agency");
        api().put(manager(), MAPPINGS + "/org-units/MapOrgUnit1", body("agency", "NOPE")).expectFieldError("agency");

        Api.Res put = api().put(manager(), MAPPINGS + "/data-elements/MapDataEl01", body("indicator", "MAP-A")).expect(200);
        assertEquals("MAP-A", put.get("indicator"));
        api().put(manager(), MAPPINGS + "/data-elements/MapDataEl01?categoryOptionCombo=MapCombo001", body("indicator", "MAP-B")).expect(200);
        Map<String, Object> listed = api().get(cscUser(), MAPPINGS).expect(200).map();
        List<?> elements = (List<?>) listed.get("dataElements");
        assertTrue(elements.stream().anyMatch(e -> e instanceof Map<?, ?> m && "MapDataEl01".equals(m.get("dataElement"))
                && m.get("categoryOptionCombo") == null && "MAP-A".equals(m.get("indicator"))), listed::toString);
        assertTrue(elements.stream().anyMatch(e -> e instanceof Map<?, ?> m && "MapCombo001".equals(m.get("categoryOptionCombo"))
                && "MAP-B".equals(m.get("indicator"))), listed::toString);
        // UIDs are case-sensitive: another spelling is another data element.
        api().put(manager(), MAPPINGS + "/data-elements/MAPDATAEL01", body("indicator", "MAP-B")).expect(200);
        // An indicator carries one data element: MAP-B moved, its combo mapping of MapDataEl01 is gone.
        assertFalse(api().get(manager(), MAPPINGS).body.contains("MapCombo001"));
        api().delete(manager(), MAPPINGS + "/data-elements/MAPDATAEL01").expect(204);
        api().delete(manager(), MAPPINGS + "/data-elements/MAPDATAEL01").expect(404);

        api().put(manager(), MAPPINGS + "/org-units/MapOrgUnit1", body("agency", "YJS")).expect(200);
        api().put(manager(), MAPPINGS + "/org-units/MapOrgUnit2", body("agency", "YJS")).expect(200);
        String after = api().get(manager(), MAPPINGS).body;
        assertFalse(after.contains("MapOrgUnit1"), after);
        assertTrue(after.contains("MapOrgUnit2"), after);
        api().delete(manager(), MAPPINGS + "/org-units/MapOrgUnit2").expect(204);
        api().delete(manager(), MAPPINGS + "/org-units/MapOrgUnit2").expect(404);
        Api.Res log = api().get(manager(), "/api/v1/change-log?limit=500").expect(200);
        assertTrue(log.body.contains("dhis2-data-element") && log.body.contains("dhis2-org-unit"), log::toString);
    }

    // ---- the way back out ----------------------------------------------------------------------------

    @Test
    void exportThenImportIntoAnEmptyInstanceWithTheSameMappingsReproducesTheValues() {
        define("RT-COUNT", "COUNT", "FINANCIAL_YEAR", "NPS");
        define("RT-PCT", "PERCENT", "FINANCIAL_YEAR", "NPS");
        define("RT-CODE", "COUNT", "MONTHLY", "NPS");      // not mapped: exported and re-imported by its code
        mapElement("RtDataEl001", null, "RT-COUNT");
        mapElement("RtDataEl002", "RtCombo0001", "RT-PCT");
        mapOrgUnit("RtOrgUnit01", "NPS");
        String nps = tokens.agencyUser("nps.user", "NPS", "AGENCY_CONTRIBUTOR");
        api().put(nps, "/api/v1/indicators/RT-COUNT/values/2017April", body("value", 40, "comment", "=SUM(A1:A9) stays text")).expect(200);
        api().put(nps, "/api/v1/indicators/RT-COUNT/values/2018April", body("value", 0)).expect(200);
        api().put(nps, "/api/v1/indicators/RT-PCT/values/2017April", body("numerator", 1, "denominator", 3, "comment", "a third, \"quoted\"")).expect(200);
        api().put(nps, "/api/v1/indicators/RT-CODE/values/201803", body("value", 12345)).expect(200);
        String query = "agency=NPS";
        List<Map<String, Object>> before = comparable(dataValues(query, nps));
        assertEquals(4, before.size(), before::toString);
        assertTrue(before.stream().anyMatch(v -> "RtDataEl002".equals(v.get("dataElement")) && "RtCombo0001".equals(v.get("categoryOptionCombo"))
                && "33.3333".equals(v.get("value"))), before::toString);
        assertTrue(before.stream().anyMatch(v -> "RT-CODE".equals(v.get("dataElement")) && "RtOrgUnit01".equals(v.get("orgUnit"))), before::toString);
        String json = api().get(nps, "/api/v1/dataValueSets?" + query).expect(200).body;
        String csv = csvExport(query, nps);
        List<CsvLines.Line> lines = CsvLines.parse(csv);
        assertEquals(DataValueSets.CSV_HEADER, lines.get(0).fields());
        assertEquals(5, lines.size(), csv);
        assertTrue(csv.contains("'=SUM(A1:A9) stays text"), "a formula is neutralised in CSV: " + csv);

        // JSON: the values go, then come back from the export.
        emptyValuesOf("NPS");
        assertTrue(dataValues(query, nps).isEmpty());
        importFile("application/json", json, nps, false).expect(200);
        assertEquals(before, comparable(dataValues(query, nps)));
        // CSV likewise (the comment that began with = comes back with its quote: that is the CSV's safety, not a loss).
        emptyValuesOf("NPS");
        importFile("text/csv", csv, nps, false).expect(200);
        List<Map<String, Object>> viaCsv = comparable(dataValues(query, nps));
        before.forEach(v -> {
            if ("=SUM(A1:A9) stays text".equals(v.get("comment"))) {
                v.put("comment", "'=SUM(A1:A9) stays text");
            }
        });
        assertEquals(before, viaCsv);
    }

    @Test
    void theExportShowsOnlyWhatTheCallerMaySeeAndRefusesBadFilters() {
        define("EXP-A", "COUNT", "FINANCIAL_YEAR", "VCS");
        String vcs = tokens.agencyUser("vcs.user", "VCS", "AGENCY_CONTRIBUTOR");
        api().put(vcs, "/api/v1/indicators/EXP-A/values/2017April", body("value", 424242)).expect(200);
        assertEquals(1, dataValues("indicator=EXP-A", vcs).size());
        // A draft stays with its agency: another agency and the board do not see it.
        assertTrue(dataValues("indicator=EXP-A", cscUser()).isEmpty());
        assertTrue(dataValues("indicator=EXP-A", manager()).isEmpty());
        assertFalse(api().get(cscUser(), "/api/v1/dataValueSets").body.contains("424242"));
        api().get(vcs, "/api/v1/dataValueSets?indicator=NO-SUCH").expectFieldError("indicator");
        api().get(vcs, "/api/v1/dataValueSets?period=April2017").expectFieldError("period");
        api().get(vcs, "/api/v1/dataValueSets?agency=vcs").expectFieldError("agency");
        api().get(null, "/api/v1/dataValueSets").expect(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String eduUser() {
        return tokens.agencyUser("edu.user", "EDU", "AGENCY_CONTRIBUTOR");
    }

    private void define(String code, String unit, String frequency, String owner) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", "DHIS2 test " + code);
        m.put("unit", unit);
        m.put("polarity", "LOWER_IS_BETTER");
        m.put("frequency", frequency);
        m.put("ownerAgency", owner);
        m.put("priority", 3);
        m.put("published", true);
        api().post(manager(), "/api/v1/indicators", m).expect(201);
    }

    private void mapElement(String uid, String combo, String indicator) {
        api().put(manager(), MAPPINGS + "/data-elements/" + uid + (combo == null ? "" : "?categoryOptionCombo=" + combo),
                body("indicator", indicator)).expect(200);
    }

    private void mapOrgUnit(String uid, String agency) {
        api().put(manager(), MAPPINGS + "/org-units/" + uid, body("agency", agency)).expect(200);
    }

    /** An import's answer: its status and {@code {"imported","valid","dryRun","errors"}}. */
    private final class Answer {
        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }

        Answer expect(int expected) {
            assertEquals(expected, status, this::toString);
            return this;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            try {
                return jsonMapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        Object get(String key) {
            return map().get(key);
        }

        @Override
        public String toString() {
            return "import -> " + status + " " + body;
        }
    }

    private Answer importFile(String contentType, String body, String token, boolean dryRun) {
        HttpRequest<String> request = HttpRequest.POST(IMPORT + dryRun, body).contentType(contentType).bearerAuth(token)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.getResponse().code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Answer res) {
        return (List<Map<String, Object>>) res.map().get("errors");
    }

    private static boolean hasError(List<Map<String, Object>> errors, int row, String column, String reasonContains) {
        return errors.stream().anyMatch(e -> ((Number) e.get("row")).intValue() == row && column.equals(e.get("column"))
                && String.valueOf(e.get("reason")).contains(reasonContains));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> dataValues(String query, String token) {
        Api.Res res = api().get(token, "/api/v1/dataValueSets?" + query).expect(200);
        assertTrue(res.contentType.startsWith("application/json"), res::toString);
        return (List<Map<String, Object>>) res.map().get("dataValues");
    }

    private String csvExport(String query, String token) {
        HttpResponse<String> res = client.toBlocking().exchange(HttpRequest.GET("/api/v1/dataValueSets?" + query)
                .accept(MediaType.of("text/csv")).bearerAuth(token), String.class);
        assertTrue(res.getContentType().orElseThrow().toString().startsWith("text/csv"), res::toString);
        return res.body();
    }

    /** The values without who stored them and when (an import stores them anew). */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> v : values) {
            Map<String, Object> m = new LinkedHashMap<>(v);
            m.remove("storedBy");
            m.remove("lastUpdated");
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> dataValuesOf(String json) {
        try {
            return (List<Map<String, Object>>) jsonMapper.readValue(json, Map.class).get("dataValues");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty instance for this agency: its values gone, the indicators and mappings kept. */
    private void emptyValuesOf(String agency) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM indicator_value WHERE agency_code = ?")) {
            delete.setString(1, agency);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Dhis2ApiTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
