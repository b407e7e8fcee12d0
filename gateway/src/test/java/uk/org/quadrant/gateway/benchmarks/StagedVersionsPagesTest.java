package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page of new EES data set versions ({@code /benchmarks/staged}) over a real HTTP stand-in of
 * indicators-service speaking the JSON of its StagedController: the manager sees each staged version with
 * what would change and approves or discards it (a notice after the redirect), or checks for new versions
 * now; a version that cannot be imported as mapped shows its errors and cannot be approved; the chair
 * reads the page without buttons and agencies are refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class StagedVersionsPagesTest implements TestPropertyProvider {

    static final String STAGED = """
            [{"id":7,"indicator":"CLA-RATE","dataSetId":"ds-cla","dataSetVersion":"2.1","published":"2026-11-20T09:30:00Z","status":"STAGED",
              "valuesChanging":12,"changes":{"added":2,"changed":10,"unchanged":4198,"removed":0},"errors":[],
              "stagedAt":"2026-12-01T06:00:00Z","decidedBy":null,"decidedAt":null},
             {"id":6,"indicator":"CP-PLANS","dataSetId":"ds-cp","dataSetVersion":"1.3","published":null,"status":"STAGED",
              "valuesChanging":0,"changes":{"added":0,"changed":0,"unchanged":0,"removed":0},
              "errors":["row 0: no rate_per_10000 column","row 3, time_period: is not a year: 20x4"],
              "stagedAt":"2026-12-01T06:00:00Z","decidedBy":null,"decidedAt":null},
             {"id":5,"indicator":"CLA-RATE","dataSetId":"ds-cla","dataSetVersion":"2.0","published":null,"status":"APPROVED",
              "valuesChanging":3,"changes":{"added":0,"changed":3,"unchanged":4207,"removed":0},"errors":[],
              "stagedAt":"2026-10-01T06:00:00Z","decidedBy":"manager","decidedAt":"2026-10-02T10:00:00Z"}]""";

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

    public static ServiceStandIn answers(ServiceStandIn indicators) {
        return indicators.on("GET /api/v1/benchmarks/staged", STAGED)
                .on("GET /api/v1/indicators", """
                        [{"code":"CP-PLANS","title":"Children subject to a child protection plan","active":true},
                         {"code":"CLA-RATE","title":"Children looked after","active":true}]""")
                .on("POST /api/v1/benchmarks/staged/check", """
                        {"checked":2,"staged":[{"id":7,"indicator":"CLA-RATE","dataSetId":"ds-cla","dataSetVersion":"2.1","status":"STAGED",
                          "valuesChanging":12,"errors":[]}],
                         "failures":[{"indicator":"CP-PLANS","dataSetId":"ds-cp","reason":"the EES API did not answer"}]}""")
                .on("POST /api/v1/benchmarks/staged/7/approve", """
                        {"imported":4210,"valid":4210,"geographies":153,"periods":["2024April"],"suppressed":12,"dryRun":false,
                         "changes":{"added":2,"changed":10,"unchanged":4198,"removed":0},"importId":9,"errors":[]}""")
                .on("POST /api/v1/benchmarks/staged/7/discard", """
                        {"id":7,"indicator":"CLA-RATE","dataSetId":"ds-cla","dataSetVersion":"2.1","status":"DISCARDED","valuesChanging":12,
                         "errors":[],"stagedAt":"2026-12-01T06:00:00Z","decidedBy":"manager","decidedAt":"2026-12-02T06:00:00Z"}""");
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

    private static Page post(Browserless browser, String path) {
        return browser.send(HttpRequest.POST(path, "csrfToken=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private List<String> writes() {
        return indicators.writes().stream().map(ServiceStandIn.Request::line).toList();
    }

    @Test
    void theManagerSeesWhatEachNewVersionWouldChange() {
        Page page = signedIn("manager").get("/benchmarks/staged");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">New versions of published statistics</h1>"), body);
        assertTrue(body.contains("Data set ds-cla version 2.1 for Children looked after") && body.contains("12 values would change."), body);
        assertTrue(body.contains("2 new, 10 changed, 0 no longer in the data set; 4198 the same"), body);
        assertTrue(body.contains("Found 1 December 2026; published 20 November 2026"), body);
        assertTrue(body.contains("action=\"/benchmarks/staged/7/approve\"") && body.contains("action=\"/benchmarks/staged/7/discard\""), body);
        assertTrue(body.contains("Approve and import<span class=\"govuk-visually-hidden\"> CLA-RATE version 2.1</span>"), "buttons say which version");
        assertTrue(body.contains("action=\"/benchmarks/staged/check\"") && body.contains("Check for new versions now"), body);
        assertTrue(body.contains("name=\"csrfToken\""), "every form carries the token");
        // A version that cannot be imported as mapped: its errors, discard only.
        assertTrue(body.contains("It cannot be imported as CP-PLANS is mapped: 2 errors") && body.contains("row 3, time_period: is not a year: 20x4"),
                body);
        assertFalse(body.contains("action=\"/benchmarks/staged/6/approve\""), "no approval of a version that would fail");
        assertTrue(body.contains("action=\"/benchmarks/staged/6/discard\""), body);
        // Decided versions below, and none of their buttons.
        assertTrue(body.contains("Imported on 2 October 2026 by manager") && !body.contains("/benchmarks/staged/5/"), body);
        assertFalse(body.contains("not available right now"), "the service answered: " + body);
    }

    @Test
    void theChairReadsThePageWithoutButtonsAndAgenciesAreRefused() {
        Page chair = signedIn("chair").get("/benchmarks/staged");
        assertEquals(200, chair.status(), chair.body());
        assertTrue(chair.body().contains("12 values would change.") && chair.body().contains("Only the board manager approves or discards"),
                chair.body());
        assertFalse(chair.body().contains("<form method=\"post\" novalidate action=\"/benchmarks/staged")
                || chair.body().contains("/approve\"") || chair.body().contains("Check for new versions now"), "no buttons for the chair");
        assertEquals(403, signedIn("csc.lead").get("/benchmarks/staged").status());
        assertEquals(403, signedIn("tvp.user").get("/benchmarks/staged").status());
    }

    @Test
    void thePageIsLinkedFromHowWeCompareForTheBoard() {
        indicators.on("/api/v1/benchmarks", BenchmarkPagesTest.SUMMARY);
        indicators.on("/api/v1/indicators/CLA-RATE", """
                {"code":"CLA-RATE","title":"Children looked after","unit":"RATE_PER_10K","polarity":"NEUTRAL","published":true,"active":true}""");
        indicators.on("/api/v1/benchmarks/mappings/CLA-RATE", BenchmarkPagesTest.MAPPING.replace("\"dataSetId\":null", "\"dataSetId\":\"ds-cla\""));
        assertTrue(signedIn("manager").get("/benchmarks").body().contains("href=\"/benchmarks/staged\">New versions of published statistics to approve</a>"));
        assertTrue(signedIn("chair").get("/benchmarks").body().contains("href=\"/benchmarks/staged\">New versions of published statistics</a>"));
        assertFalse(signedIn("csc.lead").get("/benchmarks").body().contains("/benchmarks/staged"), "agencies have nothing there");
        String mapping = signedIn("manager").get("/benchmarks/mappings/CLA-RATE").body();
        assertTrue(mapping.contains("href=\"/benchmarks/staged\">new versions of published statistics</a>"), mapping);
    }

    @Test
    void theManagerChecksForNewVersionsNow() {
        Page page = post(signedIn("manager"), "/benchmarks/staged/check");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Checked 2 data sets: 1 new version found and staged below; 1 could not be checked (listed below)."),
                page.body());
        assertTrue(page.body().contains("CP-PLANS (data set ds-cp): the EES API did not answer"), page.body());
        assertEquals(List.of("POST /api/v1/benchmarks/staged/check"), writes());
    }

    @Test
    void approvingImportsTheVersionAndSaysSo() {
        Browserless manager = signedIn("manager");
        Page approved = post(manager, "/benchmarks/staged/7/approve");
        assertEquals(303, approved.status(), approved.body());
        assertEquals("/benchmarks/staged?notice=STAGED_APPROVED&subject=CLA-RATE%20version%202.1", approved.location());
        assertEquals(List.of("POST /api/v1/benchmarks/staged/7/approve"), writes());
        assertTrue(manager.get(approved.location()).body()
                .contains("CLA-RATE version 2.1 imported: its figures are now the published statistics compared."));
    }

    @Test
    void discardingSaysSo() {
        Browserless manager = signedIn("manager");
        Page discarded = post(manager, "/benchmarks/staged/7/discard");
        assertEquals(303, discarded.status(), discarded.body());
        assertEquals("/benchmarks/staged?notice=STAGED_DISCARDED&subject=CLA-RATE%20version%202.1", discarded.location());
        assertTrue(manager.get(discarded.location()).body().contains("CLA-RATE version 2.1 discarded. Nothing was imported"));
    }

    @Test
    void aVersionThatFailsItsImportListsItsErrorsAndAVersionDecidedMeanwhileSaysSo() {
        indicators.on("POST /api/v1/benchmarks/staged/7/approve", 400, """
                {"imported":0,"valid":0,"geographies":0,"periods":[],"suppressed":0,"dryRun":false,"changes":null,"importId":null,
                 "errors":[{"row":3,"column":"time_period","reason":"is not a year: 20x4"}]}""");
        Page refused = post(signedIn("manager"), "/benchmarks/staged/7/approve");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("govuk-error-summary") && refused.body().contains("Nothing was imported: the version has 1 error"),
                refused.body());
        assertTrue(refused.body().matches("(?s).*<td[^>]*>3</td>\\s*<td[^>]*>time_period</td>\\s*<td[^>]*>is not a year: 20x4</td>.*"),
                refused.body());
        assertTrue(refused.body().contains("<title>Error: "), "the title says so");

        indicators.on("POST /api/v1/benchmarks/staged/7/discard", 409, """
                {"title":"Conflict","status":409,"detail":"Version 2.1 of CLA-RATE was approved already"}""");
        Page conflict = post(signedIn("manager"), "/benchmarks/staged/7/discard");
        assertEquals(409, conflict.status(), conflict.body());
        assertTrue(conflict.body().contains("Someone else decided this version meanwhile: Version 2.1 of CLA-RATE was approved already."),
                conflict.body());
    }

    @Test
    void aServiceThatDoesNotAnswerGreysOutTheList() {
        indicators.failWith(500);
        Page page = signedIn("manager").get("/benchmarks/staged");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("New versions are not available right now."), page.body());
        assertFalse(page.body().contains("/approve\""), page.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chair", "csc.lead", "tvp.user"})
    void onlyTheManagerPostsAnyOfTheForms(String user) {
        Browserless browser = signedIn(user);
        for (String path : List.of("/benchmarks/staged/check", "/benchmarks/staged/7/approve", "/benchmarks/staged/7/discard")) {
            assertEquals(403, post(browser, path).status(), path);
        }
        assertEquals(List.of(), writes(), "nothing reached the service");
    }
}
