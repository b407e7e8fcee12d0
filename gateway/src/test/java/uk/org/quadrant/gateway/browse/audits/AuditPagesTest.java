package uk.org.quadrant.gateway.browse.audits;

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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit programme and one audit against an audits-service stand-in over real HTTP: the
 * programme's details, an audit's grade distribution, cases and findings grouped by quadrant and
 * theme, who is offered to record cases and findings, 404s for audits an agency may not see (by the
 * service's word and by the gateway's own check), and a greyed-out grades panel.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesTest implements TestPropertyProvider {

    private static final String MACA = audit(1, "MULTI_AGENCY_CASE_AUDIT", "Multi-agency audit of neglect 2017", "CSC", "\"TVP\",\"OH\"",
            "2017-04-01", "2017-09-30", "\"2017-10-01\"", "\"2017-11-30\"", "\"2017-10-05\"", "\"2017-11-20\"", "REPORTED", "\"OFSTED\"", "75");
    private static final String SURVEY = audit(2, "PRACTITIONER_EVENT_OR_SURVEY", "Practitioner survey on thresholds", "TVP", "",
            "2018-01-01", "2018-01-31", "\"2018-02-01\"", "\"2018-02-28\"", "null", "null", "PLANNED", "null", "null");
    private static final String CSC_ONLY = audit(3, "SINGLE_AGENCY_AUDIT", "CSC supervision audit", "CSC", "",
            "2017-01-01", "2017-03-31", "null", "null", "null", "null", "IN_PROGRESS", "\"OFSTED\"", "80");
    private static final String ERROR = "{\"status\":500,\"title\":\"Internal Server Error\"}";

    private final ServiceStandIn audits = new ServiceStandIn()
            .on("/api/v1/audits", "[" + MACA + "," + SURVEY + "," + CSC_ONLY + "]")
            .on("/api/v1/grading-scales", """
                    [{"code":"OFSTED","name":"Ofsted","grades":["OUTSTANDING","GOOD","REQUIRES_IMPROVEMENT","INADEQUATE"],"standard":"GOOD"}]""")
            .on("/api/v1/themes", """
                    [{"code":"CHRONOLOGIES","label":"Chronologies","active":true},{"code":"NEGLECT","label":"Neglect","active":true}]""")
            .on("/api/v1/audits/1", MACA)
            .on("/api/v1/audits/1/grades", """
                    {"auditId":1,"gradingScale":"OFSTED","distribution":{"OUTSTANDING":1,"GOOD":8,"REQUIRES_IMPROVEMENT":3,"INADEQUATE":0},
                     "cases":12,"compliancePercent":75.0,"complianceThresholdPercent":75,"complianceMet":true,"standard":"GOOD"}""")
            .on("/api/v1/audits/1/cases", """
                    [{"id":1,"auditId":1,"caseRef":"MACA-17-01","agency":"CSC","grade":"GOOD","domainGrades":{},"summary":"Risk recognised early",
                      "recordedBy":"csc.user","recordedAt":"2017-10-10T09:00:00Z","version":0},
                     {"id":2,"auditId":1,"caseRef":"MACA-17-01","agency":"JOINT","grade":"REQUIRES_IMPROVEMENT","domainGrades":{},"summary":null,
                      "recordedBy":"csc.lead","recordedAt":"2017-10-12T09:00:00Z","version":0}]""")
            .on("/api/v1/audits/1/findings", """
                    [{"id":1,"auditId":1,"kind":"CONCERN","text":"Chronologies were missing in half the cases","themes":["CHRONOLOGIES","NEGLECT"],
                      "quadrant":"QUALITATIVE","agency":"CSC","actionRef":null,"actionStatus":null,"createdBy":"csc.user","createdAt":"2017-10-10T09:00:00Z","version":0},
                     {"id":2,"auditId":1,"kind":"VIEW","text":"Practitioners said the neglect toolkit helps","themes":["NEGLECT"],
                      "quadrant":"PRACTITIONER","agency":null,"actionRef":null,"actionStatus":null,"createdBy":"manager","createdAt":"2017-10-10T09:00:00Z","version":0},
                     {"id":3,"auditId":1,"kind":"STRENGTH","text":"Good joint working at the front door","themes":[],
                      "quadrant":"QUALITATIVE","agency":null,"actionRef":null,"actionStatus":null,"createdBy":"manager","createdAt":"2017-10-10T09:00:00Z","version":0}]""")
            .on("/api/v1/audits/2", SURVEY)
            .on("/api/v1/audits/2/grades", "{\"auditId\":2,\"gradingScale\":\"OFSTED\",\"distribution\":{},\"cases\":0,\"standard\":\"GOOD\"}")
            .on("/api/v1/audits/2/cases", "[]")
            .on("/api/v1/audits/2/findings", "[]")
            .on("/api/v1/audits/3", CSC_ONLY)
            .on("/api/v1/audits/3/grades", 500, ERROR)
            .on("/api/v1/audits/3/cases", "[]")
            .on("/api/v1/audits/3/findings", "[]");

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
    void theProgrammeShowsEachAuditsDetails() {
        Browserless browser = as("manager");
        String body = ok(browser.get("/audits"));
        assertTrue(body.contains("3 audits and reviews"), body);
        String maca = rowOf(body, "href=\"/audits/1\"");
        assertTrue(maca.contains("Multi-agency audit of neglect 2017"));
        assertTrue(maca.contains("Multi-agency case audit"));
        assertTrue(maca.contains("Children&#39;s Social Care"), maca);
        assertTrue(maca.contains("Thames Valley Police, Oxford Health NHS FT"), maca);
        assertTrue(maca.contains("govuk-tag--green\">Reported</strong>"), maca);
        assertTrue(maca.contains("1 April 2017 to 30 September 2017"));
        assertTrue(maca.contains("Done 5 October 2017 to 20 November 2017"));
        assertTrue(maca.contains(">Ofsted<"), "the scale's name");
        String survey = rowOf(body, "href=\"/audits/2\"");
        assertTrue(survey.contains("Practitioner event or survey") && survey.contains("Lead agency only"));
        assertTrue(survey.contains("Planned 1 February 2018 to 28 February 2018") && survey.contains("Not graded"), survey);
        assertTrue(survey.contains(">Planned</strong>"));
        String session = browser.cookie("quadrant_session").orElseThrow();
        assertTrue(audits.authorizations().contains("Bearer " + session), "the user's own token");
    }

    @Test
    void anAgencySeesOnlyTheAuditsItTakesPartInAndOthersAre404() {
        Browserless tvp = as("tvp.user");
        String list = ok(tvp.get("/audits"));
        assertTrue(list.contains("Multi-agency audit of neglect 2017") && list.contains("Practitioner survey on thresholds"));
        assertFalse(list.contains("CSC supervision audit"), "the gateway checks too, whatever the service sent");
        Page csc = tvp.get("/audits/3");
        assertEquals(404, csc.status(), "another agency's audit");
        assertFalse(csc.body().contains("CSC supervision audit"));
        Page refused = tvp.get("/audits/4");
        assertEquals(404, refused.status(), "the service's 404 is a 404 page");
        assertTrue(refused.body().contains("Page not found") && csc.body().contains("Page not found"), "the same page either way");
        assertEquals(404, as("csc.user").get("/audits/2").status(), "CSC does not take part in TVP's survey");
        assertTrue(ok(as("csc.user").get("/audits/3")).contains("CSC supervision audit"));
    }

    @Test
    void anAuditShowsItsGradeDistributionCasesAndFindingsByQuadrantAndTheme() {
        String body = ok(as("chair").get("/audits/1"));
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">Multi-agency audit of neglect 2017</h1>"));
        assertTrue(body.contains("Grade distribution of 12 cases"));
        assertTrue(rowOf(body, ">Good</th>").contains(">8</td>"));
        assertTrue(rowOf(body, ">Requires improvement</th>").contains(">3</td>"));
        assertTrue(rowOf(body, ">Outstanding</th>").contains(">1</td>"));
        assertTrue(body.contains("75.0 % of 12 cases were good or better: the standard is met."), body);
        assertTrue(body.contains("Ofsted, standard met when 75 % of cases reach it"));
        String joint = rowOf(body, "Joint conclusion");
        assertTrue(joint.contains("MACA-17-01") && joint.contains("Requires improvement"));

        int qualitative = body.indexOf(">Audits and reviews</h3>");
        int chronologies = body.indexOf(">Chronologies</h4>", qualitative);
        int neglect = body.indexOf(">Neglect</h4>", chronologies);
        int noTheme = body.indexOf(">No theme</h4>", neglect);
        int practitioner = body.indexOf(">Practitioners&#39; views</h3>", noTheme);
        int practitionerNeglect = body.indexOf(">Neglect</h4>", practitioner);
        assertTrue(qualitative > 0 && chronologies > qualitative && neglect > chronologies && noTheme > neglect
                && practitioner > noTheme && practitionerNeglect > practitioner, "quadrants in the board's order, themes by label");
        String missing = "Chronologies were missing in half the cases";
        assertTrue(body.indexOf(missing, chronologies) < neglect, "under Chronologies");
        assertTrue(body.indexOf(missing, neglect) < noTheme, "and again under Neglect");
        assertTrue(body.indexOf("Good joint working at the front door", noTheme) < practitioner, "no theme");
        assertTrue(body.indexOf("Practitioners said the neglect toolkit helps") > practitionerNeglect);
        assertFalse(body.contains("/audits/1/cases/new") || body.contains("/audits/1/findings/new"), "the chair records nothing");
    }

    @Test
    void participantsAndTheManagerAreOfferedToRecordCasesAndFindings() {
        for (String user : new String[]{"manager", "tvp.user", "oh.lead", "csc.user"}) {
            String body = ok(as(user).get("/audits/1"));
            assertTrue(body.contains("href=\"/audits/1/cases/new\"") && body.contains("href=\"/audits/1/findings/new\""), user);
        }
        String survey = ok(as("tvp.lead").get("/audits/2"));
        assertTrue(survey.contains("href=\"/audits/2/findings/new\""), "TVP leads its survey");
        assertFalse(survey.contains("/audits/2/cases/new"), "a survey grades no cases");
        assertFalse(survey.contains("Grade distribution"), "nor shows grades");
    }

    @Test
    void aGradesCallThatFailsGreysOutOnlyItsPanel() {
        String body = ok(as("csc.lead").get("/audits/3"));
        assertTrue(body.contains("Grades are not available right now (audits-service did not answer)."), body);
        assertTrue(body.contains("No cases have been graded yet."), "cases still shown");
        assertTrue(body.contains("No findings have been recorded yet."), "findings still shown");
        assertTrue(body.contains("govuk-tag--blue\">In progress</strong>"));
    }

    static String audit(long id, String type, String title, String lead, String participants, String from, String to,
                        String plannedStart, String plannedEnd, String actualStart, String actualEnd, String status,
                        String scale, String threshold) {
        return """
                {"id":%d,"type":"%s","title":"%s","leadAgency":"%s","participatingAgencies":[%s],"periodStart":"%s","periodEnd":"%s",
                 "plannedStart":%s,"plannedEnd":%s,"actualStart":%s,"actualEnd":%s,"status":"%s","scope":12,"summary":null,
                 "gradingScale":%s,"complianceThresholdPercent":%s,"createdBy":"manager","updatedBy":"manager",
                 "updatedAt":"2017-01-01T00:00:00Z","version":1}"""
                .formatted(id, type, title, lead, participants, from, to, plannedStart, plannedEnd, actualStart, actualEnd, status,
                        scale, threshold);
    }

    static String rowOf(String body, String marker) {
        int at = body.indexOf(marker);
        assertTrue(at > 0, "no " + marker + " in page: " + body);
        return body.substring(body.lastIndexOf("<tr", at), body.indexOf("</tr>", at));
    }
}
