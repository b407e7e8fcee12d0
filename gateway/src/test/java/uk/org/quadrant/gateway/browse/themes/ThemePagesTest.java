package uk.org.quadrant.gateway.browse.themes;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Theme → sources → findings against an audits-service stand-in over real HTTP: the ranked table,
 * each theme's sources and their findings grouped under it, the filters passed on (a financial year
 * as dates), two calls per page whatever the number of themes, a theme page, unknown themes 404, and
 * a greyed-out evidence panel.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemePagesTest implements TestPropertyProvider {

    private static final String NEGLECT_ROW = """
            {"theme":"NEGLECT","label":"Neglect","findings":3,"sources":2,"sourceTypes":["MULTI_AGENCY_CASE_AUDIT","PRACTITIONER_EVENT_OR_SURVEY"],
             "quadrants":["QUALITATIVE","PRACTITIONER"],"repeated":true,"examples":[]}""";
    private static final String HOUSING_ROW = """
            {"theme":"HOUSING","label":"Housing","findings":1,"sources":1,"sourceTypes":["SERIOUS_CASE_REVIEW"],
             "quadrants":["QUALITATIVE"],"repeated":false,"examples":[]}""";
    private static final String NEGLECT_EVIDENCE = """
            {"theme":"NEGLECT","label":"Neglect","findings":3,"sources":2,"bySource":[
              {"auditId":1,"title":"Multi-agency audit of neglect 2017","type":"MULTI_AGENCY_CASE_AUDIT","leadAgency":"CSC",
               "periodStart":"2017-04-01","periodEnd":"2017-09-30","findings":[
                 {"findingId":11,"kind":"CONCERN","quadrant":"QUALITATIVE","agency":"CSC","text":"Neglect seen late in two cases"},
                 {"findingId":12,"kind":"LEARNING_POINT","quadrant":"QUALITATIVE","agency":null,"text":"Neglect toolkit not used"}]},
              {"auditId":2,"title":"Practitioner survey on thresholds","type":"PRACTITIONER_EVENT_OR_SURVEY","leadAgency":"TVP",
               "periodStart":"2018-01-01","periodEnd":"2018-01-31","findings":[
                 {"findingId":21,"kind":"VIEW","quadrant":"PRACTITIONER","agency":null,"text":"Practitioners unsure of neglect thresholds"}]}]}""";
    private static final String HOUSING_EVIDENCE = """
            {"theme":"HOUSING","label":"Housing","findings":1,"sources":1,"bySource":[
              {"auditId":5,"title":"Serious case review: Child J","type":"SERIOUS_CASE_REVIEW","leadAgency":"BOARD",
               "periodStart":"2015-01-01","periodEnd":"2015-12-31","findings":[
                 {"findingId":51,"kind":"RECOMMENDATION","quadrant":"QUALITATIVE","agency":null,"text":"Housing moves disrupted help"}]}]}""";
    private static final String FILTERED = "?from=2017-04-01&to=2018-03-31&quadrant=PRACTITIONER&agency=TVP";

    private final ServiceStandIn audits = new ServiceStandIn()
            .on("/api/v1/themes/analysis", "[" + NEGLECT_ROW + "," + HOUSING_ROW + "]")
            .on("/api/v1/themes/evidence", "[" + NEGLECT_EVIDENCE + "," + HOUSING_EVIDENCE + "]")
            .on("/api/v1/themes/analysis" + FILTERED, "[" + NEGLECT_ROW.replace("\"findings\":3", "\"findings\":1") + "]")
            .on("/api/v1/themes/evidence" + FILTERED, "[]")
            .on("/api/v1/themes/analysis?quadrant=CHILDREN_AND_FAMILIES", "[" + HOUSING_ROW + "]")
            .on("/api/v1/themes/evidence?quadrant=CHILDREN_AND_FAMILIES", 500, "{\"status\":500}")
            .on("/api/v1/themes", """
                    [{"code":"FATHERS","label":"Fathers","active":true},{"code":"HOUSING","label":"Housing","active":true},
                     {"code":"NEGLECT","label":"Neglect","active":true}]""")
            .on("/api/v1/themes/evidence?theme=NEGLECT", "[" + NEGLECT_EVIDENCE + "]")
            .on("/api/v1/themes/evidence?theme=FATHERS", "[]");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.audits.url", audits.url(),
                "quadrant.downstream.breaker-threshold", "1000");
    }

    @AfterAll
    void stop() {
        audits.close();
    }

    private Browserless as(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(user, Browserless.DEMO_PASSWORD);
        return browser;
    }

    private static String ok(Page page) {
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    @Test
    void theTableRanksThemesAndEachThemeListsItsSourcesAndTheirFindings() {
        Browserless browser = as("chair");
        audits.clear();
        String body = ok(browser.get("/themes"));
        assertEquals(List.of("GET /api/v1/themes/analysis", "GET /api/v1/themes/evidence"), audits.requestLines().stream().sorted().toList(),
                "two calls for the whole page, however many themes and sources");
        String session = browser.cookie("quadrant_session").orElseThrow();
        assertTrue(audits.authorizations().stream().allMatch(("Bearer " + session)::equals), "the user's own token");

        String neglect = rowOf(body, "href=\"/themes/NEGLECT\"");
        assertTrue(neglect.contains(">3</td>") && neglect.contains(">2</td>"), neglect);
        assertTrue(neglect.contains("govuk-tag--orange\">Repeated</strong>"));
        assertTrue(neglect.contains("Audits and reviews, Practitioners&#39; views"), neglect);
        assertTrue(neglect.contains("Multi-agency case audit, Practitioner event or survey"));
        String housing = rowOf(body, "href=\"/themes/HOUSING\"");
        assertTrue(housing.contains("<span>No</span>") && !housing.contains("Repeated"), housing);
        assertTrue(body.indexOf("href=\"/themes/NEGLECT\"") < body.indexOf("href=\"/themes/HOUSING\""), "ranked as the service ranks");

        int neglectBlock = body.indexOf("id=\"theme-NEGLECT\"");
        int housingBlock = body.indexOf("id=\"theme-HOUSING\"");
        assertTrue(neglectBlock > 0 && housingBlock > neglectBlock, body);
        String neglectSources = body.substring(neglectBlock, housingBlock);
        assertTrue(neglectSources.contains("Neglect: 3 findings from 2 sources"));
        assertTrue(neglectSources.contains("href=\"/audits/1\"") && neglectSources.contains("Multi-agency audit of neglect 2017"));
        assertTrue(neglectSources.contains("Multi-agency case audit, led by Children&#39;s Social Care, 1 April 2017 to 30 September 2017"));
        assertTrue(neglectSources.contains("Neglect seen late in two cases") && neglectSources.contains("Neglect toolkit not used"));
        assertTrue(neglectSources.indexOf("Neglect toolkit not used") < neglectSources.indexOf("Practitioner survey on thresholds"),
                "each finding under its own source");
        assertTrue(neglectSources.contains("Practitioners unsure of neglect thresholds"));
        assertFalse(neglectSources.contains("Housing moves disrupted help"), "another theme's finding is not under Neglect");
        String housingSources = body.substring(housingBlock);
        assertTrue(housingSources.contains("Serious case review: Child J") && housingSources.contains("Housing moves disrupted help"));
        assertFalse(housingSources.contains("Neglect seen late"));
    }

    @Test
    void filtersArePassedOnAndAFinancialYearIsAprilToMarch() {
        Browserless browser = as("tvp.user");
        audits.clear();
        String body = ok(browser.get("/themes?year=2017April&quadrant=PRACTITIONER&agency=TVP"));
        assertTrue(audits.requestLines().contains("GET /api/v1/themes/analysis" + FILTERED), audits.requestLines().toString());
        assertTrue(audits.requestLines().contains("GET /api/v1/themes/evidence" + FILTERED), audits.requestLines().toString());
        assertTrue(body.contains("1 April 2017 to 31 March 2018"), "the period in words");
        assertTrue(body.contains("<option value=\"2017April\" selected=\"selected\">2017/18</option>"), body);
        assertTrue(rowOf(body, "href=\"/themes/NEGLECT" + FILTERED.replace("&", "&amp;") + "\"").contains(">1</td>"), "links keep the filters");
        assertTrue(body.contains("There are no findings for these filters."));

        audits.clear();
        String bad = ok(browser.get("/themes?quadrant=SIDEWAYS&year=someday"));
        assertEquals(List.of("GET /api/v1/themes/analysis", "GET /api/v1/themes/evidence"), audits.requestLines().stream().sorted().toList(),
                "unrecognised filters are not sent on");
        assertTrue(bad.contains("Some filters were not used") && bad.contains("The quadrant filter was not recognised"), bad);
    }

    @Test
    void aThemesOwnPageShowsItsSources() {
        String body = ok(as("manager").get("/themes/NEGLECT"));
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">Neglect</h1>"));
        assertTrue(body.contains("3 findings from 2 sources."));
        assertTrue(body.contains("Practitioners unsure of neglect thresholds") && body.contains("Practitioner survey on thresholds"));
        String none = ok(as("manager").get("/themes/FATHERS"));
        assertTrue(none.contains("<h1 class=\"govuk-heading-l\">Fathers</h1>") && none.contains("No source you can see found this theme"));
        assertEquals(404, as("manager").get("/themes/NOT_A_THEME").status());
        assertEquals(404, as("manager").get("/themes/not-a-code").status());
    }

    @Test
    void whenTheEvidenceFailsTheTableStillShowsAndThatPanelIsGreyed() {
        String body = ok(as("csc.user").get("/themes?quadrant=CHILDREN_AND_FAMILIES"));
        assertTrue(body.contains("href=\"/themes/HOUSING?quadrant=CHILDREN_AND_FAMILIES\""), body);
        assertTrue(body.contains("The findings behind the themes are not available right now (audits-service did not answer)."));
        assertFalse(body.contains("The theme analysis is not available"));
    }

    static String rowOf(String body, String marker) {
        int at = body.indexOf(marker);
        assertTrue(at > 0, "no " + marker + " in page: " + body);
        return body.substring(body.lastIndexOf("<tr", at), body.indexOf("</tr>", at));
    }
}
