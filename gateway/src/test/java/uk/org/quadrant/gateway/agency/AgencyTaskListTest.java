package uk.org.quadrant.gateway.agency;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agency home lists what the agency owes, composed from the three services (stand-ins over real
 * HTTP) with the user's own token; a service that is down greys out its own sections only.
 */
@MicronautTest
class AgencyTaskListTest extends FormsTestBase {

    static final List<String> OTHER_PERIODS = List.of("201804", "2017AprilQ4", "2016Sep", "2017", "2018Q1");

    @BeforeEach
    void stubs() {
        stubIndicators(indicators);
        actions.on("GET /api/v1/actions?agency=CSC", 200, """
                [{"id":7,"ref":"JTAI-3","action":"Audit strategy discussions","leadAgency":"CSC","status":"IN_PROGRESS",
                  "delivery":"OVERDUE","dueDate":"2018-03-31","lastUpdateAt":"2018-05-01T10:00:00Z","version":4},
                 {"id":8,"ref":"JTAI-4","action":"Recently updated on-track action","leadAgency":"CSC","status":"IN_PROGRESS",
                  "delivery":"ON_TRACK","dueDate":"2019-03-31","lastUpdateAt":"2018-05-01T10:00:00Z","version":1},
                 {"id":9,"ref":"CJ-2","action":"Stale action with no recent update","leadAgency":"CSC","status":"NOT_STARTED",
                  "delivery":"ON_TRACK","dueDate":"2019-03-31","lastUpdateAt":null,"version":0},
                 {"id":10,"ref":"CJ-3","action":"Completed action","leadAgency":"CSC","status":"COMPLETED",
                  "delivery":"COMPLETED","dueDate":"2018-01-31","lastUpdateAt":null,"version":2}]""");
        audits.on("GET /api/v1/audits", 200, """
                [{"id":3,"type":"MULTI_AGENCY_CASE_AUDIT","title":"Neglect multi-agency case audit","leadAgency":"BOARD",
                  "participatingAgencies":["CSC","TVP"],"status":"IN_PROGRESS","plannedEnd":"2018-06-30","version":1},
                 {"id":4,"type":"PRACTITIONER_EVENT_OR_SURVEY","title":"Practitioner survey on thresholds","leadAgency":"CSC",
                  "participatingAgencies":[],"status":"PLANNED","plannedEnd":null,"version":0},
                 {"id":5,"type":"SINGLE_AGENCY_AUDIT","title":"Closed audit of chronologies","leadAgency":"CSC",
                  "participatingAgencies":[],"status":"CLOSED","version":3},
                 {"id":6,"type":"SINGLE_AGENCY_AUDIT","title":"Police audit elsewhere","leadAgency":"TVP",
                  "participatingAgencies":[],"status":"IN_PROGRESS","version":0}]""");
        audits.on("GET /api/v1/section11/assessments", 200, """
                [{"id":11,"agency":"CSC","cycle":"2017April","standards":[{"code":"S11-1","title":"Old cycle","rag":null}]},
                 {"id":21,"agency":"CSC","cycle":"2018April","standards":[
                   {"code":"S11-1","title":"Senior management commitment","rag":"GREEN","version":2},
                   {"code":"S11-2","title":"Clear line of accountability","rag":null,"version":null}]}]""");
    }

    static void stubIndicators(ServiceStandIn indicators) {
        indicators.on("GET /api/v1/submissions?period=2017April", 200, """
                {"period":"2017April","periodLabel":"2017/18","agencies":[
                  {"agency":"CSC","due":4,"missing":1,"draft":1,"submitted":0,"approved":1,"returned":1,"items":[
                    {"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","status":"MISSING"},
                    {"code":"LAC","title":"Looked-after children","status":"DRAFT"},
                    {"code":"CP-REPEAT","title":"Repeat child protection plans","status":"RETURNED"},
                    {"code":"CIN","title":"Children in need","status":"APPROVED"}]},
                  {"agency":"TVP","due":1,"missing":1,"draft":0,"submitted":0,"approved":0,"returned":0,"items":[
                    {"code":"POLICE-DA","title":"Police domestic abuse notifications","status":"MISSING"}]}]}""");
        for (String p : OTHER_PERIODS) {
            indicators.on("GET /api/v1/submissions?period=" + p, 200, "{\"period\":\"" + p + "\",\"periodLabel\":\"x\",\"agencies\":[]}");
        }
        indicators.on("GET /api/v1/indicators/CP-REPEAT/values/2017April?agency=CSC", 200, """
                {"indicatorCode":"CP-REPEAT","period":"2017April","agency":"CSC","value":31,"status":"RETURNED",
                 "returnReason":"Figure double counts transfers in","version":3}""");
    }

    @Test
    void theAgencySeesWhatItOwesWithLinksToEachForm() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/agency/CSC");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("govuk-task-list"), body);
        // values: missing, draft and returned are owed; approved is not; another agency's are not shown
        assertTrue(body.contains("href=\"/agency/CSC/values/MASH-TIMELINESS/2017April\""), body);
        assertTrue(body.contains("MASH decisions within 24 hours (2017/18)"), body);
        assertTrue(body.contains("href=\"/agency/CSC/values/LAC/2017April\""), body);
        assertTrue(body.contains("Returned by the board manager: Figure double counts transfers in"), body);
        assertFalse(body.contains("/values/CIN/"), "an approved value is not owed");
        assertFalse(body.contains("Police domestic abuse notifications"), "another agency's return");
        assertTrue(body.contains("1 of 4"), "returns already in: " + body);
        assertTrue(body.contains(">Not started<") && body.contains(">In progress<") && body.contains(">Returned<"), body);
        // actions: overdue and stale ones, not the recently updated on-track one nor the completed one
        assertTrue(body.contains("href=\"/actions/7/update\""), body);
        assertTrue(body.contains("Overdue: due 31 March 2018"), body);
        assertTrue(body.contains("href=\"/actions/9/update\""), body);
        assertTrue(body.contains("No progress update yet"), body);
        assertFalse(body.contains("/actions/8/update"), "on track and updated this month");
        assertFalse(body.contains("/actions/10/update"), "completed");
        // audits: open ones the agency takes part in, each to the right form
        assertTrue(body.contains("href=\"/audits/3/cases/new\""), body);
        assertTrue(body.contains("href=\"/audits/4/findings/new\""), body);
        assertFalse(body.contains("/audits/5/"), "closed");
        assertFalse(body.contains("/audits/6/"), "another agency's audit");
        // Section 11: the current cycle (2018/19), its unrated standard not started, its rated one completed
        assertTrue(body.contains("2018/19"), body);
        assertTrue(body.contains("1 of 2"), body);
        assertTrue(body.contains("href=\"/self-assessment/21/standards/S11-2\""), body);
        assertFalse(body.contains("href=\"/self-assessment/21/standards/S11-1\""), "a rated standard is done, not owed");
        assertFalse(body.contains("/self-assessment/11/"), "last cycle");
        // every call carried the user's own token
        String bearer = bearerOf(browser);
        for (ServiceStandIn stub : List.of(indicators, audits, actions)) {
            assertFalse(stub.received().isEmpty());
            stub.received().forEach(r -> assertEquals(bearer, r.authorization(), r.pathAndQuery()));
        }
        assertEquals(6, indicators.received().stream().filter(r -> r.pathAndQuery().startsWith("/api/v1/submissions")).count(),
                "one submissions call per frequency");
    }

    @Test
    void theAreaIsOneToDoListMostUrgentFirstEachWithItsDueDate() {
        String body = signedIn("csc.user").get("/agency/CSC").body();
        // The summary line, as at 15 May 2018: 2017/18 ended 31 March, so its figures were due 30 April.
        assertTrue(body.contains("3 returns owed, all late. 2 actions need an update. 2 open audits to contribute to. "
                + "1 Section 11 standard to rate."), body);
        int late = body.indexOf("id=\"late\"");
        int soon = body.indexOf("id=\"due-soon\"");
        int later = body.indexOf("id=\"later\"");
        assertTrue(late > 0 && soon > late && later > soon, "late, then due soon, then later: " + body);
        assertTrue(body.contains(">Late (4)<") && body.contains(">Due in the next 30 days (1)<") && body.contains(">Later, or no date set (3)<"),
                body);
        // Late: the overdue action (due 31 March) before the returns (due 30 April), the returned value first among them.
        int action7 = body.indexOf("/actions/7/update");
        int returned = body.indexOf("/values/CP-REPEAT/2017April");
        int draft = body.indexOf("/values/LAC/2017April");
        int missing = body.indexOf("/values/MASH-TIMELINESS/2017April");
        assertTrue(late < action7 && action7 < returned && returned < draft && draft < missing && missing < soon, body);
        assertTrue(body.contains("Late: was due 30 April 2018. Returned by the board manager: Figure double counts transfers in"), body);
        // Due soon: the action that owes an update now; later: the audit planned to end 30 June 2018, then the undated.
        int action9 = body.indexOf("/actions/9/update");
        int audit3 = body.indexOf("/audits/3/cases/new");
        assertTrue(soon < action9 && action9 < later && later < audit3, body);
        assertTrue(body.indexOf("/audits/4/findings/new") > audit3 && body.indexOf("/self-assessment/21/standards/S11-2") > audit3, body);
        // Each says what kind of task it is, in words.
        assertTrue(body.contains(">Performance data<") && body.contains(">Action<") && body.contains(">Audit<")
                && body.contains(">Section 11 standard<"), body);
        assertTrue(body.contains("Returns submitted or approved: 1 of 4 for 2017/18.")
                && body.contains("2018/19 Section 11 self-assessment: 1 of 2 standards rated."), body);
    }

    @Test
    void theChairReadsAnyAgencyWithoutLinksToTheForms() {
        Page page = signedIn("chair").get("/agency/CSC");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("MASH decisions within 24 hours (2017/18)"), body);
        assertFalse(body.contains("href=\"/agency/CSC/values/"), "no write links for the chair: " + body);
        assertFalse(body.contains("href=\"/actions/7/update\""), body);
        assertTrue(body.contains("you can read what it owes but not change it"), body);
    }

    @Test
    void aServiceThatIsDownGreysOutItsOwnSectionsOnly() {
        audits.reset();
        audits.on("GET /api/v1/audits", 500, "{}");
        audits.on("GET /api/v1/section11/assessments", 500, "{}");
        Page page = signedIn("csc.lead").get("/agency/CSC");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("Audits are not available right now."), body);
        assertTrue(body.contains("Section 11 self-assessments are not available right now."), body);
        assertTrue(body.contains("audits-service is not answering"), body);
        assertTrue(body.contains("MASH decisions within 24 hours (2017/18)"), "values still shown");
        assertTrue(body.contains("href=\"/actions/7/update\""), "actions still shown");
        assertFalse(body.contains("Performance data tasks are not available"), body);
    }
}
