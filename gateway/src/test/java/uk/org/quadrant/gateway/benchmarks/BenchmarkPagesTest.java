package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's pages over a real HTTP stand-in of indicators-service speaking its JSON: {@code /benchmarks}
 * (sorted on the server, aria-sort, the CSV download), the partnership's place, and the manager's mapping
 * and EES import (a dry run first that says what would change, then the import; errors by line and
 * column). Everyone signed in reads the list and the place; only the manager sees and posts the forms
 * (the chair and agency users get 403, and nothing is written).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class BenchmarkPagesTest implements TestPropertyProvider {

    static final String PLACE = """
            {"laCode":"931","laName":"Oxfordshire","regionCode":"E12000008","regionName":"South East","neighbourModel":"2025",
             "neighbours":[{"code":"869","name":"West Berkshire","closeness":"VERY_CLOSE"},{"code":"825","name":"Buckinghamshire","closeness":"Close"}],
             "version":4,"updatedBy":"manager","updatedAt":"2026-12-01T10:00:00Z"}""";

    /** Three mapped indicators: a context measure ranked 30th, a lower-is-better one ranked 80th, one with nothing imported. */
    static final String SUMMARY = """
            {"place":%s,
             "indicators":[
              {"indicator":"CP-PLANS","title":"Children subject to a child protection plan","unit":"RATE_PER_10K","polarity":"LOWER_IS_BETTER",
               "measure":"rate_per_10000","targetFrom":"NEIGHBOURS_MEAN","period":"2024April","periodLabel":"2024/25","value":40,"suppressed":null,
               "localValue":41,"england":41.5,"region":37,"neighboursMean":35,"rank":{"position":80,"of":152},"quartile":"C",
               "versus":{"england":{"difference":-1.5,"relation":"LOWER","better":true},"region":{"difference":3,"relation":"HIGHER","better":false},
                         "neighbours":{"difference":5,"relation":"HIGHER","better":false}},
               "source":{"importId":3,"file":"cp.csv","importedAt":"2026-12-01T10:00:00Z","importedBy":"manager"}},
              {"indicator":"CLA-RATE","title":"=Children looked after","unit":"RATE_PER_10K","polarity":"NEUTRAL","measure":"rate_per_10000",
               "targetFrom":null,"period":"2024April","periodLabel":"2024/25","value":51,"suppressed":null,"localValue":51,"england":70,
               "region":58,"neighboursMean":55.2,"rank":{"position":30,"of":152},"quartile":"A",
               "versus":{"england":{"difference":-19,"relation":"LOWER","better":null},"region":{"difference":-7,"relation":"LOWER","better":null},
                         "neighbours":{"difference":-4.2,"relation":"LOWER","better":null}},
               "source":{"importId":2,"file":"cla.csv","importedAt":"2026-12-01T10:00:00Z","importedBy":"manager"}},
              {"indicator":"CIN-RATE","title":"Children in need","unit":"RATE_PER_10K","polarity":"LOWER_IS_BETTER","measure":"rate_per_10000",
               "targetFrom":null,"period":null,"periodLabel":null,"value":null,"suppressed":null,"localValue":null,"england":null,"region":null,
               "neighboursMean":null,"rank":null,"quartile":null,"versus":null,"source":null}]}""".formatted(PLACE);

    static final String MAPPING = """
            {"indicator":"CLA-RATE","measure":"rate_per_10000","filters":["population_type:Children looked after on 31 March each year","age:Total"],
             "dataSetId":null,"countToRate":null,"targetFrom":null,"version":2,"updatedBy":"manager","updatedAt":"2026-12-01T10:00:00Z"}""";

    static final String CSV = "\uFEFFtime_period,time_identifier,geographic_level,country_code,old_la_code,la_name,rate_per_10000\n"
            + "2024,Reporting year,National,E92000001,,,70\n2024,Reporting year,Local authority,E92000001,931,Oxfordshire,51\n";

    /** Built with its answers (the hostile-input test borrows them); each test starts from them again. */
    private final ServiceStandIn indicators = answers(new ServiceStandIn());

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "quadrant.downstream.timeout", "PT1S",
                "quadrant.downstream.breaker-threshold", "100000");
    }

    @BeforeEach
    void reset() {
        indicators.clear();
        indicators.recover();
        answers(indicators);
    }

    private static ServiceStandIn answers(ServiceStandIn indicators) {
        return indicators.on("/api/v1/benchmarks", SUMMARY)
                .on("/api/v1/benchmarks/place", PLACE)
                .on("PUT /api/v1/benchmarks/place", PLACE)
                .on("/api/v1/indicators", """
                        [{"code":"CP-PLANS","title":"Children subject to a child protection plan","active":true},
                         {"code":"CLA-RATE","title":"Children looked after","active":true},
                         {"code":"MASH-TIMELINESS","title":"MASH timeliness","active":true},
                         {"code":"OLD","title":"Retired","active":false}]""")
                .on("/api/v1/indicators/CLA-RATE", """
                        {"code":"CLA-RATE","title":"Children looked after","unit":"RATE_PER_10K","polarity":"NEUTRAL","published":true,"active":true}""")
                .on("/api/v1/benchmarks/mappings/CLA-RATE", MAPPING)
                .on("PUT /api/v1/benchmarks/mappings/CLA-RATE", MAPPING)
                .on("POST /api/v1/benchmarks/import", request -> request.query().contains("dryRun=true")
                        ? ServiceStandIn.Answer.json("""
                            {"imported":0,"valid":4210,"geographies":153,"periods":["2015April","2024April"],"suppressed":12,"dryRun":true,
                             "changes":{"added":0,"changed":12,"unchanged":4198,"removed":0},"importId":null,"errors":[]}""")
                        : ServiceStandIn.Answer.json("""
                            {"imported":4210,"valid":4210,"geographies":153,"periods":["2015April","2024April"],"suppressed":12,"dryRun":false,
                             "changes":{"added":0,"changed":12,"unchanged":4198,"removed":0},"importId":7,"errors":[]}"""));
    }

    @AfterAll
    void stop() {
        indicators.close();
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(user, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    private static Page post(Browserless browser, String path, String... pairs) {
        List<String> parts = new ArrayList<>();
        parts.add("csrfToken=" + enc(browser.csrfToken()));
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
        }
        return browser.send(HttpRequest.POST(path, String.join("&", parts))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private List<String> writes() {
        return indicators.writes().stream().map(ServiceStandIn.Request::line).toList();
    }

    // ---- /benchmarks ------------------------------------------------------------------------------------

    @Test
    void theListSaysInWordsHowEachIndicatorCompares() {
        Page page = signedIn("chair").get("/benchmarks");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">How we compare</h1>"), body);
        assertTrue(body.contains("Compared as Oxfordshire (931), South East, with its statistical neighbours (2025 model)."), body);
        assertTrue(body.contains("80th of 152 local authorities") && body.contains("30th of 152 local authorities"), "ranks in words");
        assertTrue(body.contains("Quartile C (the second worst quarter of local authorities)"), "a band in words for its polarity");
        assertTrue(body.contains("Quartile A (the lowest quarter of local authorities)"), "a context measure's band is lowest/highest");
        assertTrue(body.contains(">Lower (better)</td>") && body.contains(">Higher (worse)</td>"), "direction against England and the neighbours");
        assertTrue(body.contains("At or better than the neighbours&#39; mean"), "a target from a benchmark says so");
        assertTrue(body.contains("Nothing imported yet") && body.contains("Not ranked"), "a mapped indicator without figures");
        assertTrue(body.contains("aria-sort=\"ascending\"") && body.contains("href=\"/benchmarks?sort=rank\""), "sortable by links");
        assertTrue(body.contains("href=\"/benchmarks.csv\""), "a CSV download");
        assertTrue(body.contains("href=\"/benchmarks\">How we compare</a>"), "in the navigation");
        assertFalse(body.contains("/benchmarks/mappings/"), "the chair gets no mapping links");
        assertFalse(body.contains("not available right now"), "the service answered: " + body);
        assertFalse(body.contains("Indicators not compared yet"), "nor the list of unmapped indicators");
        // sorted by indicator title: CIN, CP, =CLA (the title as given)
        assertTrue(body.indexOf("Children in need") < body.indexOf("Children subject to"), "by title");
    }

    @Test
    void theListSortsOnTheServerAndSaysWhichColumnItIsSortedBy() {
        String body = signedIn("csc.lead").get("/benchmarks?sort=rank").body();
        assertTrue(body.indexOf("=Children looked after") < body.indexOf("Children subject to") && body.indexOf("Children subject to")
                < body.indexOf("Children in need"), "30th, then 80th, then not ranked: " + body);
        assertTrue(body.matches("(?s).*aria-sort=\"ascending\">\\s*<a class=\"govuk-link\" href=\"/benchmarks\\?sort=rank\">Rank</a>.*"), body);
        assertTrue(body.contains("href=\"/benchmarks.csv?sort=rank\""), "the CSV in the same order");
        String byEngland = signedIn("csc.lead").get("/benchmarks?sort=england").body();
        assertTrue(byEngland.indexOf("Children subject to") < byEngland.indexOf("=Children looked after"), "better first");
        String unknown = signedIn("csc.lead").get("/benchmarks?sort=%3Cscript%3E").body();
        assertFalse(unknown.contains("<script>"), "an unknown sort is the default, never echoed");
    }

    @Test
    void theManagerSeesMappingLinksAndWhatIsNotComparedYet() {
        String body = signedIn("manager").get("/benchmarks").body();
        assertTrue(body.contains("href=\"/benchmarks/mappings/CLA-RATE\""), body);
        assertTrue(body.contains("Indicators not compared yet") && body.contains("Map MASH timeliness"), body);
        assertFalse(body.contains("not available right now"), "the service answered: " + body);
        assertFalse(body.contains("Map Retired"), "inactive indicators are not offered");
        assertTrue(body.contains("See or change the partnership’s place") || body.contains("See or change the partnership&rsquo;s place"), body);
    }

    @Test
    void theCsvIsADownloadSafeToOpenInASpreadsheet() {
        Page csv = signedIn("tvp.user").get("/benchmarks.csv?sort=rank");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertEquals("indicator_code,indicator,period,published_figure,suppressed,local_figure,england,region,neighbours_mean,"
                + "against_england,against_neighbours,rank,ranked_of,quartile,target_from,compared_on,rate_per_10000,england_rate_per_10000,"
                + "region_rate_per_10000,neighbours_mean_rate_per_10000", lines.get(0));
        assertEquals("CLA-RATE,'=Children looked after,2024/25,51,,51,70,58,55.2,Lower,Lower,30,152,A,,,,,,", lines.get(1));
        assertTrue(lines.get(2).startsWith("CP-PLANS,Children subject to a child protection plan,2024/25,40,,41,41.5,37,35,Lower (better),"
                + "Higher (worse),80,152,C,NEIGHBOURS_MEAN"), lines.get(2));
        assertTrue(lines.get(3).startsWith("CIN-RATE,Children in need,Nothing imported yet,"), lines.get(3));
    }

    @Test
    void aServiceThatDoesNotAnswerGreysOutTheTableOnly() {
        indicators.failWith(500);
        Page page = signedIn("chair").get("/benchmarks");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("The comparisons are not available right now."), page.body());
        assertEquals(503, signedIn("chair").get("/benchmarks.csv").status());
        Page place = signedIn("manager").get("/benchmarks/place");
        assertEquals(200, place.status());
        assertTrue(place.body().contains("place and neighbours are not available right now."), place.body());
        assertFalse(place.body().contains("name=\"laCode\""), "no form without the place to change");
    }

    // ---- the place ----------------------------------------------------------------------------------------

    @Test
    void everyoneSeesThePlaceAndItsNeighboursOnlyTheManagerGetsTheForm() {
        for (String user : List.of("chair", "csc.lead")) {
            Page page = signedIn(user).get("/benchmarks/place");
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("Oxfordshire, code 931") && page.body().contains("South East"), page.body());
            assertTrue(page.body().matches("(?s).*West Berkshire</th>\\s*<td[^>]*>869</td>\\s*<td[^>]*>Very close</td>.*"), page.body());
            assertTrue(page.body().contains("1 December 2026 by manager"), "who set it and when");
            assertFalse(page.body().contains("not available right now"), "the service answered");
            assertFalse(page.body().contains("name=\"laCode\""), user + " gets no form");
        }
        String body = signedIn("manager").get("/benchmarks/place").body();
        assertTrue(body.contains("name=\"laCode\"") && body.contains("value=\"931\""), body);
        assertTrue(body.contains("name=\"csrfToken\"") && body.contains("name=\"version\" value=\"4\""), body);
        assertTrue(body.matches("(?s).*id=\"neighbourModel\"\\s+value=\"2025\" checked.*"), "the model in use is chosen: " + body);
    }

    @Test
    void theManagerSetsThePlace() {
        Browserless manager = signedIn("manager");
        Page saved = post(manager, "/benchmarks/place", "laCode", " 931 ", "neighbourModel", "2021", "version", "4");
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/benchmarks/place?notice=PLACE_SAVED", saved.location());
        ServiceStandIn.Request put = indicators.last("PUT");
        assertEquals("/api/v1/benchmarks/place", put.path());
        assertTrue(put.body().contains("\"laCode\":\"931\"") && put.body().contains("\"neighbourModel\":\"2021\"")
                && put.body().contains("\"version\":4"), put.body());
        assertTrue(manager.get(saved.location()).body().contains("The partnership&#39;s place saved."), "the success banner");
    }

    @Test
    void aPlaceThatIsNotACodeIsRefusedBeforeTheServiceIsAsked() {
        Page page = post(signedIn("manager"), "/benchmarks/place", "laCode", "93x", "version", "4");
        assertEquals(400, page.status());
        assertTrue(page.body().contains("govuk-error-summary") && page.body().contains("href=\"#laCode\""), page.body());
        assertTrue(page.body().contains("The local authority code must be 3 digits, for example 931"), page.body());
        assertTrue(page.body().contains("Choose the statistical neighbour model"), page.body());
        assertTrue(page.body().contains("<title>Error: "), "the title says there is an error");
        assertTrue(page.body().contains("value=\"93x\""), "what was typed is kept");
        assertEquals(List.of(), writes());
    }

    @Test
    void theServicesRefusalAndAConflictAreShownOnTheForm() {
        indicators.on("PUT /api/v1/benchmarks/place", 400, """
                {"title":"Bad Request","status":400,"detail":"Invalid request","errors":[{"field":"laCode","message":"is not a local authority in the data"}]}""");
        Page refused = post(signedIn("manager"), "/benchmarks/place", "laCode", "999", "neighbourModel", "2025", "version", "4");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Local authority code is not a local authority in the data"), refused.body());
        indicators.on("PUT /api/v1/benchmarks/place", 409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"changed\"}");
        Page conflict = post(signedIn("manager"), "/benchmarks/place", "laCode", "931", "neighbourModel", "2021", "version", "3");
        assertEquals(409, conflict.status());
        assertTrue(conflict.body().contains("Someone else changed this while you were editing it"), conflict.body());
        assertTrue(conflict.body().contains("name=\"version\" value=\"4\""), "the form now holds what is saved");
    }

    // ---- mapping and import ---------------------------------------------------------------------------------

    @Test
    void theManagerSeesTheMappingFilledIn() {
        Page page = signedIn("manager").get("/benchmarks/mappings/CLA-RATE");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("Published statistics for Children looked after"), body);
        assertTrue(body.contains("id=\"measure\" name=\"measure\" value=\"rate_per_10000\""), body);
        assertTrue(body.contains("population_type:Children looked after on 31 March each year\nage:Total</textarea>"), body);
        assertTrue(body.contains("name=\"csrfToken\"") && body.contains("name=\"version\" value=\"2\""), body);
        assertTrue(body.contains("Check the file") && !body.contains("Import the figures"), "a check comes before any import");
        assertTrue(body.contains("enctype=\"multipart/form-data\"") && body.contains("<input class=\"govuk-file-upload\" id=\"file\" name=\"file\""
                + " type=\"file\" accept=\".csv,text/csv\""), "a file upload: " + body);
        assertFalse(body.contains("name=\"csv\""), "no textarea to paste into");
    }

    @Test
    void theChairReadsTheMappingWithoutFormsAndAgenciesAreRefused() {
        Page chair = signedIn("chair").get("/benchmarks/mappings/CLA-RATE");
        assertEquals(200, chair.status(), chair.body());
        assertTrue(chair.body().contains("rate_per_10000") && chair.body().contains("Only the board manager changes the mapping"), chair.body());
        assertFalse(chair.body().contains("action=\"/benchmarks/mappings/CLA-RATE"), "no forms for the chair: " + chair.body());
        assertEquals(403, signedIn("csc.lead").get("/benchmarks/mappings/CLA-RATE").status());
        assertEquals(404, signedIn("manager").get("/benchmarks/mappings/not%20a%20code").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chair", "csc.lead", "tvp.user"})
    void onlyTheManagerPostsAnyOfTheForms(String user) {
        Browserless browser = signedIn(user);
        assertEquals(403, post(browser, "/benchmarks/place", "laCode", "931", "neighbourModel", "2021", "version", "4").status());
        assertEquals(403, post(browser, "/benchmarks/mappings/CLA-RATE", "measure", "x", "version", "2").status());
        assertEquals(403, upload(browser, "/benchmarks/mappings/CLA-RATE/import", "cla.csv", CSV.getBytes(StandardCharsets.UTF_8),
                "action", "import").status());
        assertEquals(List.of(), writes(), "nothing reached the service");
    }

    @Test
    void theManagerMapsAnIndicator() {
        Page saved = post(signedIn("manager"), "/benchmarks/mappings/CLA-RATE", "measure", "rate_per_10000",
                "filters", "population_type:Children looked after on 31 March each year\r\n\r\n age:Total \r\n", "dataSetId", "",
                "targetFrom", "NEIGHBOURS_MEAN", "version", "2");
        assertEquals(303, saved.status(), saved.body());
        assertEquals("/benchmarks/mappings/CLA-RATE?notice=MAPPING_SAVED&subject=CLA-RATE", saved.location());
        String put = indicators.last("PUT").body();
        assertTrue(put.contains("\"measure\":\"rate_per_10000\"") && put.contains("\"targetFrom\":\"NEIGHBOURS_MEAN\"")
                && put.contains("\"filters\":[\"population_type:Children looked after on 31 March each year\",\"age:Total\"]")
                && put.contains("\"version\":2"), put);
        assertFalse(put.contains("\"dataSetId\":\"\""), "a blank data set is none: " + put);
    }

    @Test
    void aMappingWithoutAMeasureIsRefused() {
        Page page = post(signedIn("manager"), "/benchmarks/mappings/CLA-RATE", "measure", " ", "targetFrom", "SOMEWHERE", "version", "2");
        assertEquals(400, page.status());
        assertTrue(page.body().contains("href=\"#measure\"") && page.body().contains("Enter the measure column"), page.body());
        assertTrue(page.body().contains("Choose where the target comes from"), page.body());
        assertEquals(List.of(), writes());
    }

    @Test
    void aFileIsCheckedFirstThenImported() {
        Browserless manager = signedIn("manager");
        Page checked = upload(manager, "/benchmarks/mappings/CLA-RATE/import", "cla_2025.csv", CSV.getBytes(StandardCharsets.UTF_8),
                "action", "check");
        assertEquals(200, checked.status(), checked.body());
        assertTrue(checked.body().contains("The check passed: 4210 figures for 153 areas, 2015/16 to 2024/25, 12 not published (suppressed)."
                + " 12 values would change: 0 new, 12 changed, 0 no longer in the file; 4198 the same. Nothing has been imported yet."),
                checked.body());
        assertTrue(checked.body().contains("Import the figures") && checked.body().contains("File checked: <strong>cla_2025.csv</strong>"),
                "now it can be imported, and the page says which file");
        ServiceStandIn.Request dry = indicators.last("POST");
        assertEquals("text/csv", dry.header("Content-Type").split(";")[0]);
        assertEquals(CSV, dry.body(), "the file goes as it came, BOM and all");
        List<String> query = List.of(URLDecoder.decode(dry.query(), StandardCharsets.UTF_8).split("&"));
        assertTrue(query.containsAll(List.of("format=ees", "indicator=CLA-RATE", "measure=rate_per_10000",
                "filter=population_type:Children looked after on 31 March each year", "filter=age:Total", "dryRun=true",
                "fileName=cla_2025.csv")), query.toString());

        // The import form carries the checked file: the manager does not choose it again.
        String carried = hidden(checked.body(), "checked");
        assertEquals("cla_2025.csv", hidden(checked.body(), "checkedName"));
        indicators.clear();
        Page imported = upload(manager, "/benchmarks/mappings/CLA-RATE/import", null, null,
                "checked", carried, "checkedName", "cla_2025.csv", "action", "import");
        assertEquals(303, imported.status(), imported.body());
        assertEquals("/benchmarks/mappings/CLA-RATE?notice=FIGURES_IMPORTED&subject=CLA-RATE", imported.location());
        ServiceStandIn.Request wet = indicators.last("POST");
        assertTrue(wet.query().contains("dryRun=false") && wet.query().contains("fileName=cla_2025.csv"), wet.query());
        assertEquals(CSV, wet.body(), "the file that was checked is the file imported, byte for byte");
        assertTrue(manager.get(imported.location()).body().contains("Published figures for CLA-RATE imported."));
    }

    @Test
    void aRealEesFileGoesThroughAsItCame() throws Exception {
        byte[] cla = Files.readAllBytes(SHARED.resolve("cla_number_and_rate_per_10k_children.csv"));
        Page checked = upload(signedIn("manager"), "/benchmarks/mappings/CLA-RATE/import", "cla_number_and_rate_per_10k_children.csv", cla,
                "action", "check");
        assertEquals(200, checked.status(), checked.body());
        assertEquals(new String(cla, StandardCharsets.UTF_8), indicators.last("POST").body(), "the real file, unchanged");
        assertTrue(checked.body().contains("(393 KB)"), "its size in words");
        assertTrue(hidden(checked.body(), "checked").length() < cla.length / 4, "carried compressed, not as a 400 KB hidden field");
    }

    @Test
    void anImportWithoutACheckedFileIsRefused() {
        Page page = upload(signedIn("manager"), "/benchmarks/mappings/CLA-RATE/import", null, null,
                "checked", "not-a-checked-file", "action", "import");
        assertEquals(400, page.status());
        assertTrue(page.body().contains("href=\"#file\"") && page.body().contains("Select the file and check it again: nothing was imported"),
                page.body());
        assertEquals(List.of(), writes());
    }

    @Test
    void aRefusedFileListsItsErrorsByLineAndColumn() {
        indicators.on("POST /api/v1/benchmarks/import", 400, """
                {"imported":0,"valid":0,"geographies":0,"periods":[],"suppressed":0,"dryRun":true,"changes":null,"importId":null,
                 "errors":[{"row":3,"column":"time_period","reason":"is not a year: 20x4"},{"row":0,"column":null,"reason":"no rate_per_10000 column"}]}""");
        Page page = upload(signedIn("manager"), "/benchmarks/mappings/CLA-RATE/import", "cla.csv", CSV.getBytes(StandardCharsets.UTF_8),
                "action", "check");
        assertEquals(400, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("govuk-error-summary") && body.contains("href=\"#file\"")
                && body.contains("The check found 2 errors, listed by line and column below"), body);
        assertTrue(body.matches("(?s).*<td[^>]*>3</td>\\s*<td[^>]*>time_period</td>\\s*<td[^>]*>is not a year: 20x4</td>.*"), body);
        assertTrue(body.contains(">Whole file</td>"), body);
        assertTrue(body.contains("govuk-file-upload--error") && body.contains("aria-describedby=\"file-hint file-error\""), body);
        assertTrue(body.contains("File checked: <strong>cla.csv</strong>"), "the page says which file was refused");
        assertFalse(body.contains("Import the figures"), "nothing to import");
    }

    /**
     * Each refused before the service is asked, with a message on the file field. An empty file reaches the
     * controller as no file at all (Micronaut leaves empty uploads out of a multipart body), so it reads as none chosen.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|0|Select the CSV file downloaded from Explore Education Statistics",
            "empty.csv|0|Select the CSV file downloaded from Explore Education Statistics",
            "cla.xlsx|100|The selected file must be a CSV",
            "workbook.csv|-1|The selected file must be a CSV saved as UTF-8 text",
            "huge.csv|5242881|The selected file must be smaller than 5 MB"})
    void aFileThatIsNotACsvOfTheRightSizeIsRefused(String name, int size, String message) {
        byte[] bytes = size < 0 ? new byte[] {'P', 'K', 3, 4, 0, 0} : "a,b\n".repeat(size / 4 + 1).substring(0, size).getBytes(StandardCharsets.UTF_8);
        Page page = upload(signedIn("manager"), "/benchmarks/mappings/CLA-RATE/import", name == null ? "" : name, bytes, "action", "check");
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("href=\"#file\">" + message), page.body());
        assertTrue(page.body().contains("<title>Error: "), "the title says there is an error");
        assertEquals(List.of(), writes());
    }

    /** The published files (../shared/data/benchmarks/), as indicators-service's tests keep them; run from the gateway module. */
    public static final java.nio.file.Path SHARED = java.nio.file.Path.of("..", "indicators-service", "src", "test", "resources", "benchmarks")
            .toAbsolutePath().normalize();

    /** The value of a hidden field of the page. */
    static String hidden(String body, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
        assertTrue(m.find(), "no hidden " + name + " in " + body);
        return m.group(1);
    }

    /**
     * The import form as a browser posts it: {@code multipart/form-data} with the session's CSRF token, the
     * chosen file ({@code fileName} null: the form has no file input; "" with no bytes: none chosen) and fields.
     */
    static Page upload(Browserless browser, String path, String fileName, byte[] bytes, String... pairs) {
        return browser.send(HttpRequest.POST(path, multipart(browser.csrfToken(), fileName, bytes, pairs))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    static MultipartBody multipart(String token, String fileName, byte[] bytes, String... pairs) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (token != null) {
            body.addPart("csrfToken", token);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            body.addPart(pairs[i], pairs[i + 1]);
        }
        if (fileName != null) {
            body.addPart("file", fileName, MediaType.of("text/csv"), bytes == null ? new byte[0] : bytes);
        }
        return body.build();
    }
}
