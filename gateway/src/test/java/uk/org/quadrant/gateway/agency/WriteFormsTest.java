package uk.org.quadrant.gateway.agency;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress update, case, finding, Section 11 and sign-off forms against service stand-ins over
 * real HTTP: the right JSON with the user's token, errors inline, conflicts with current values,
 * and the gateway's own refusals before any service is asked.
 */
@MicronautTest
class WriteFormsTest extends FormsTestBase {

    static final String ACTION = """
            {"id":7,"ref":"JTAI-3","action":"Audit strategy discussions","outcome":"Better strategy meetings","leadAgency":"CSC",
             "status":"IN_PROGRESS","delivery":"OVERDUE","dueDate":"2018-03-31","lastUpdateAt":null,"updatedBy":"manager","version":4}""";
    static final String AUDIT = """
            {"id":3,"type":"MULTI_AGENCY_CASE_AUDIT","title":"Neglect multi-agency case audit","leadAgency":"BOARD",
             "participatingAgencies":["CSC","TVP"],"status":"IN_PROGRESS","gradingScale":"EARLY_HELP","version":1}""";

    @BeforeEach
    void stubs() {
        actions.on("GET /api/v1/actions/7", 200, ACTION);
        actions.on("POST /api/v1/actions/7/updates", 201, "{\"id\":99}");
        audits.on("GET /api/v1/audits/3", 200, AUDIT);
        audits.on("GET /api/v1/grading-scales", 200, """
                [{"code":"OFSTED","name":"Ofsted","grades":["OUTSTANDING","GOOD","REQUIRES_IMPROVEMENT","INADEQUATE"],"standard":"GOOD"},
                 {"code":"EARLY_HELP","name":"Early help","grades":["OUTSTANDING","HIGHLY_EFFECTIVE","EFFECTIVE","INEFFECTIVE"],"standard":"EFFECTIVE"}]""");
        audits.on("GET /api/v1/themes", 200, """
                [{"code":"NEGLECT","label":"Neglect","active":true},{"code":"VOICE_OF_THE_CHILD","label":"Voice of the child","active":true},
                 {"code":"RETIRED","label":"Retired theme","active":false}]""");
        audits.on("POST /api/v1/audits/3/cases", 201, "{\"id\":5}");
        audits.on("POST /api/v1/audits/3/findings", 201, "{\"id\":6}");
        audits.on("GET /api/v1/section11/assessments/21", 200, """
                {"id":21,"agency":"CSC","cycle":"2018April","standards":[
                  {"code":"S11-2","title":"Clear line of accountability","rag":"AMBER","evidence":"Draft policy","version":2,"updatedBy":"csc.user"}]}""");
        audits.on("PUT /api/v1/section11/assessments/21/standards/S11-2", 200, "{\"id\":21}");
        indicators.on("GET /api/v1/submissions?period=2017April", 200, """
                {"period":"2017April","periodLabel":"2017/18","agencies":[{"agency":"CSC","items":[
                  {"code":"LAC","title":"Looked-after children","status":"SUBMITTED","value":691,"version":6,"submittedBy":"csc.lead",
                   "comment":"Rising slowly","target":700,"previousValue":667,"previousPeriodLabel":"2016/17"},
                  {"code":"CIN","title":"Children in need","status":"APPROVED"}]}]}""");
        indicators.on("POST /api/v1/indicators/LAC/values/2017April/approve", 200, "{\"status\":\"APPROVED\"}");
        indicators.on("POST /api/v1/indicators/LAC/values/2017April/return", 200, "{\"status\":\"RETURNED\"}");
    }

    // ---- progress updates ----

    @Test
    void aProgressUpdateGoesToActionsServiceWithTheActionsVersion() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/actions/7/update");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Audit strategy discussions"), page.body());
        assertTrue(page.body().contains("name=\"version\" value=\"4\""), page.body());
        Page posted = browser.postForm("/actions/7/update", form(browser, page, "narrative", "Meetings now minuted",
                "difference", "Strategy decisions are recorded", "status", "IN_PROGRESS", "version", "4",
                "date-day", "2", "date-month", "5", "date-year", "2018", "evidenceLink", "https://example.org/minutes"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/agency/CSC?notice=UPDATE_RECORDED", posted.location());
        List<Request> writes = actions.writes();
        assertEquals(1, writes.size());
        String json = writes.get(0).body();
        assertTrue(json.contains("\"narrative\":\"Meetings now minuted\""), json);
        assertTrue(json.contains("\"difference\":\"Strategy decisions are recorded\""), json);
        assertTrue(json.contains("\"status\":\"IN_PROGRESS\""), json);
        assertTrue(json.contains("\"version\":4"), json);
        assertTrue(json.contains("\"date\":\"2018-05-02\""), json);
        assertTrue(json.contains("\"evidenceLink\":\"https://example.org/minutes\""), json);
        assertEquals(bearerOf(browser), writes.get(0).authorization());
        assertTrue(browser.get(posted.location()).body().contains("Progress update recorded"));
    }

    @Test
    void aProgressUpdatesFieldErrorsShowInline() {
        actions.on("POST /api/v1/actions/7/updates", 400, problem(400, "Invalid request",
                "difference", "say what difference this has made before the action is completed", "evidenceLink", "must be an http(s) link"));
        Browserless browser = signedIn("csc.lead");
        Page page = browser.get("/actions/7/update");
        Page posted = browser.postForm("/actions/7/update", form(browser, page, "narrative", "Done", "status", "COMPLETED",
                "version", "4", "evidenceLink", "ftp://x"));
        assertEquals(400, posted.status(), posted.body());
        String body = posted.body();
        assertTrue(body.contains("<a href=\"#difference\">What difference this has made: say what difference this has made before the action is completed</a>"), body);
        assertTrue(body.contains("<a href=\"#evidenceLink\">Evidence link must be an http(s) link</a>"), body);
        assertTrue(body.contains("id=\"difference-error\""), body);
        assertTrue(body.contains(">Done</textarea>"), "input kept");
    }

    @Test
    void aProgressUpdateConflictShowsTheActionAsItIsNow() {
        actions.on("POST /api/v1/actions/7/updates", 409, problem(409, "Someone else updated this action (now version 5)"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/actions/7/update");
        actions.on("GET /api/v1/actions/7", 200, ACTION.replace("\"version\":4", "\"version\":5").replace("\"updatedBy\":\"manager\"", "\"updatedBy\":\"csc.lead\""));
        Page posted = browser.postForm("/actions/7/update", form(browser, page, "narrative", "My narrative", "version", "4"));
        assertEquals(409, posted.status(), posted.body());
        assertTrue(posted.body().contains("Someone else changed this while you were editing"), posted.body());
        assertTrue(posted.body().contains("csc.lead"), "current values re-read");
        assertTrue(posted.body().contains(">My narrative</textarea>"));
        assertTrue(posted.body().contains("name=\"version\" value=\"5\""));
    }

    @Test
    void anotherAgencysActionIsNotFoundAndTheChairIsRefused() {
        Browserless tvp = signedIn("tvp.user");
        assertEquals(404, tvp.get("/actions/7/update").status());
        Page posted = tvp.postForm("/actions/7/update", form(tvp, tvp.get("/agency/TVP"), "narrative", "x"));
        assertEquals(404, posted.status());
        Browserless chair = signedIn("chair");
        Page read = chair.get("/actions/7/update");
        assertEquals(200, read.status());
        assertFalse(read.body().contains("Save update"), "no write controls for the chair");
        assertEquals(403, chair.postForm("/actions/7/update", form(chair, read, "narrative", "x")).status());
        assertTrue(actions.writes().isEmpty());
    }

    @Test
    void aProgressUpdateWithoutTheCsrfTokenIsRefused() {
        Browserless browser = signedIn("csc.user");
        browser.get("/actions/7/update");
        assertEquals(403, browser.postForm("/actions/7/update", Map.of("narrative", "x", "version", "4")).status());
        assertTrue(actions.writes().isEmpty());
    }

    @Test
    void actionsServiceDownIsSaidPlainlyAndTheUpdateIsSentOnce() {
        actions.on("POST /api/v1/actions/7/updates", 503, "{}");
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/actions/7/update");
        Page posted = browser.postForm("/actions/7/update", form(browser, page, "narrative", "Kept text", "version", "4"));
        assertEquals(503, posted.status(), posted.body());
        assertTrue(posted.body().contains("actions-service did not answer"), posted.body());
        assertTrue(posted.body().contains(">Kept text</textarea>"));
        assertEquals(1, actions.writes().size(), "a write is never retried: " + actions.writes());
    }

    // ---- cases and findings ----

    @Test
    void aCaseIsGradedOnTheAuditsOwnScale() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/audits/3/cases/new");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Highly effective"), "the audit's early-help scale: " + page.body());
        assertFalse(page.body().contains("Requires improvement"), "not the Ofsted scale");
        Page posted = browser.postForm("/audits/3/cases/new", form(browser, page, "caseRef", "C07", "grade", "EFFECTIVE", "agency", "CSC"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/agency/CSC?notice=CASE_RECORDED", posted.location());
        Request write = audits.writes().get(0);
        assertEquals("/api/v1/audits/3/cases", write.pathAndQuery());
        assertTrue(write.body().contains("\"caseRef\":\"C07\"") && write.body().contains("\"grade\":\"EFFECTIVE\"")
                && write.body().contains("\"agency\":\"CSC\""), write.body());
        assertEquals(bearerOf(browser), write.authorization());
    }

    @Test
    void aCaseRefusedByTheServiceShowsItsReasonInlineAndADuplicateShowsTheCasesNow() {
        audits.on("POST /api/v1/audits/3/cases", 400, problem(400, "Invalid", "grade", "must be one of OUTSTANDING, HIGHLY_EFFECTIVE, EFFECTIVE, INEFFECTIVE (the Early help scale)"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/audits/3/cases/new");
        Page bad = browser.postForm("/audits/3/cases/new", form(browser, page, "caseRef", "C07", "agency", "CSC"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("<a href=\"#grade\">Grade must be one of OUTSTANDING"), bad.body());
        assertTrue(bad.body().contains("id=\"grade-error\""), bad.body());
        audits.on("POST /api/v1/audits/3/cases", 409, problem(409, "Case C07 already has CSC's view in this audit"));
        audits.on("GET /api/v1/audits/3/cases", 200, "[{\"caseRef\":\"C07\",\"agency\":\"CSC\",\"grade\":\"GOOD\"}]");
        Page dup = browser.postForm("/audits/3/cases/new", form(browser, page, "caseRef", "C07", "grade", "EFFECTIVE", "agency", "CSC"));
        assertEquals(409, dup.status());
        assertTrue(dup.body().contains("Someone else changed this while you were editing"), dup.body());
        assertTrue(dup.body().contains("Case C07 (CSC)"), dup.body());
        assertTrue(dup.body().contains("value=\"C07\""), "input kept");
    }

    @Test
    void anAgencyOutsideTheAuditIsNotFoundAndCannotRecordAnotherAgencysView() {
        Browserless yjs = signedIn("yjs.user");
        assertEquals(404, yjs.get("/audits/3/cases/new").status());
        assertEquals(404, yjs.postForm("/audits/3/findings/new", form(yjs, yjs.get("/agency/YJS"), "kind", "CONCERN", "text", "x")).status());
        Browserless tvp = signedIn("tvp.user");
        Page page = tvp.get("/audits/3/cases/new");
        assertEquals(404, tvp.postForm("/audits/3/cases/new", form(tvp, page, "caseRef", "C07", "grade", "EFFECTIVE", "agency", "CSC")).status());
        assertTrue(audits.writes().isEmpty());
    }

    @Test
    void aFindingCarriesEveryThemeTicked() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/audits/3/findings/new");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Voice of the child"));
        assertFalse(page.body().contains("Retired theme"), "retired themes are not offered");
        String token = browser.csrfTokenFrom(page);
        String body = "csrfToken=" + token + "&kind=LEARNING_POINT&text=Chronologies+missing&themes=NEGLECT&themes=VOICE_OF_THE_CHILD&quadrant=QUALITATIVE&agency=CSC";
        Page posted = browser.send(io.micronaut.http.HttpRequest.POST("/audits/3/findings/new", body)
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE));
        assertEquals(303, posted.status(), posted.body());
        String json = audits.writes().get(0).body();
        assertTrue(json.contains("\"themes\":[\"NEGLECT\",\"VOICE_OF_THE_CHILD\"]"), json);
        assertTrue(json.contains("\"kind\":\"LEARNING_POINT\"") && json.contains("\"quadrant\":\"QUALITATIVE\""), json);
    }

    @Test
    void aFindingsErrorsShowInline() {
        audits.on("POST /api/v1/audits/3/findings", 400, problem(400, "Invalid", "themes[1]", "is not a theme of the vocabulary", "text", "must not be blank"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/audits/3/findings/new");
        Page posted = browser.postForm("/audits/3/findings/new", form(browser, page, "kind", "CONCERN", "themes", "NEGLECT"));
        assertEquals(400, posted.status());
        assertTrue(posted.body().contains("<a href=\"#themes\">Themes is not a theme of the vocabulary</a>"), posted.body());
        assertTrue(posted.body().contains("<a href=\"#text\">Finding must not be blank</a>"), posted.body());
        assertTrue(posted.body().matches("(?s).*value=\"NEGLECT\"\\s+checked.*|.*checked=\"checked\"\\s+value=\"NEGLECT\".*|.*value=\"NEGLECT\" checked=\"checked\".*"),
                "the ticked theme stays ticked");
    }

    // ---- Section 11 ----

    @Test
    void aStandardIsRatedWithTheRatingsVersion() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/self-assessment/21/standards/S11-2");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Clear line of accountability"));
        assertTrue(page.body().contains("Green – the standard is met"), "RAG always in words");
        Page posted = browser.postForm("/self-assessment/21/standards/S11-2", form(browser, page, "rag", "GREEN",
                "evidence", "Policy signed off", "version", "2"));
        assertEquals(303, posted.status(), posted.body());
        String json = audits.writes().get(0).body();
        assertEquals("PUT", audits.writes().get(0).method());
        assertTrue(json.contains("\"rag\":\"GREEN\"") && json.contains("\"evidence\":\"Policy signed off\"") && json.contains("\"version\":2"), json);
        assertEquals(bearerOf(browser), audits.writes().get(0).authorization());
    }

    @Test
    void aRatingConflictShowsTheRatingNowAndTheServicesRefusalIsARefusalPage() {
        audits.on("PUT /api/v1/section11/assessments/21/standards/S11-2", 409, problem(409, "Someone else changed this rating"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get("/self-assessment/21/standards/S11-2");
        Page posted = browser.postForm("/self-assessment/21/standards/S11-2", form(browser, page, "rag", "RED", "evidence", "Mine", "version", "2"));
        assertEquals(409, posted.status());
        assertTrue(posted.body().contains("Draft policy"), "the current evidence: " + posted.body());
        assertTrue(posted.body().contains(">Mine</textarea>"));
        audits.on("PUT /api/v1/section11/assessments/21/standards/S11-2", 403, problem(403, "Only CSC rates its own standards"));
        Page refused = browser.postForm("/self-assessment/21/standards/S11-2", form(browser, page, "rag", "RED", "version", "2"));
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Only CSC rates its own standards"), refused.body());
    }

    @Test
    void anotherAgencysSelfAssessmentIsNotFound() {
        Browserless tvp = signedIn("tvp.lead");
        assertEquals(404, tvp.get("/self-assessment/21/standards/S11-2").status());
        assertEquals(404, tvp.postForm("/self-assessment/21/standards/S11-2", form(tvp, tvp.get("/agency/TVP"), "rag", "RED")).status());
        assertTrue(audits.writes().isEmpty());
    }

    // ---- the manager's sign-off ----

    @Test
    void theManagerSeesSubmittedValuesAndApprovesOne() {
        Browserless browser = signedIn("manager");
        Page page = browser.get("/board/submissions?period=2017April");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Looked-after children") && page.body().contains("691") && page.body().contains("Rising slowly"), page.body());
        assertFalse(page.body().contains("Children in need"), "approved values are not waiting");
        assertTrue(page.body().contains(">700</td>") && page.body().contains(">667 in 2016/17</td>"), "the target and last year's value beside it");
        assertTrue(page.body().contains(">Children&#39;s Social Care</td>"), "the agency by name");
        assertTrue(indicators.received().stream().noneMatch(r -> r.pathAndQuery().contains("/values/")), "no call per value: the list carries them");
        Page posted = browser.postForm("/board/submissions/LAC/2017April/CSC/approve", form(browser, page, "version", "6"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/board/submissions?period=2017April&notice=VALUE_APPROVED", posted.location());
        Request write = indicators.writes().get(0);
        assertEquals("/api/v1/indicators/LAC/values/2017April/approve", write.pathAndQuery());
        assertTrue(write.body().contains("\"agency\":\"CSC\"") && write.body().contains("\"version\":6"), write.body());
        assertEquals(bearerOf(browser), write.authorization());
    }

    @Test
    void theManagersNavigationSaysHowManyValuesWaitWithoutEverWaitingForIt() throws InterruptedException {
        indicators.on("GET /api/v1/submissions/waiting", 200, "{\"waiting\":2}");
        Browserless manager = signedIn("manager");
        String nav = null;
        for (int i = 0; i < 50; i++) {           // the count is read in the background: a page or two later it is there
            nav = manager.get("/indicators").body();
            if (nav.contains("Approvals (2 waiting)")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(nav.contains("href=\"/board/submissions\">Approvals (2 waiting)</a>"), nav);
        // a decision here asks again at once
        indicators.on("GET /api/v1/submissions/waiting", 200, "{\"waiting\":1}");
        Page page = manager.get("/board/submissions?period=2017April");
        assertEquals(303, manager.postForm("/board/submissions/LAC/2017April/CSC/approve", form(manager, page, "version", "6")).status());
        for (int i = 0; i < 50 && !nav.contains("Approvals (1 waiting)"); i++) {
            Thread.sleep(100);
            nav = manager.get("/indicators").body();
        }
        assertTrue(nav.contains("Approvals (1 waiting)"), nav);
        // nobody else has approvals to make, or asks
        int asked = (int) indicators.received().stream().filter(r -> r.path().equals("/api/v1/submissions/waiting")).count();
        assertFalse(signedIn("chair").get("/indicators").body().contains("Approvals"));
        assertFalse(signedIn("csc.lead").get("/indicators").body().contains("Approvals"));
        assertEquals(asked, indicators.received().stream().filter(r -> r.path().equals("/api/v1/submissions/waiting")).count());
    }

    @Test
    void returningNeedsAReason() {
        Browserless browser = signedIn("manager");
        Page page = browser.get("/board/submissions?period=2017April");
        Page blank = browser.postForm("/board/submissions/LAC/2017April/CSC/return", form(browser, page, "version", "6", "reason", " "));
        assertEquals(400, blank.status());
        assertTrue(blank.body().contains("<a href=\"#reason-LAC-CSC\">Enter the reason for returning LAC to CSC</a>"), blank.body());
        assertTrue(indicators.writes().isEmpty());
        Page posted = browser.postForm("/board/submissions/LAC/2017April/CSC/return", form(browser, page, "version", "6", "reason", "Check the count"));
        assertEquals(303, posted.status());
        assertTrue(indicators.writes().get(0).body().contains("\"reason\":\"Check the count\""));
    }

    @Test
    void aStaleDecisionIsAConflictAndOnlyTheManagerDecides() {
        indicators.on("POST /api/v1/indicators/LAC/values/2017April/approve", 409, problem(409, "Someone else changed this value"));
        Browserless manager = signedIn("manager");
        Page page = manager.get("/board/submissions?period=2017April");
        Page posted = manager.postForm("/board/submissions/LAC/2017April/CSC/approve", form(manager, page, "version", "5"));
        assertEquals(409, posted.status());
        assertTrue(posted.body().contains("Someone else changed this while you were editing"), posted.body());
        assertTrue(posted.body().contains("Rising slowly"), "values as they are now");
        indicators.reset();
        Browserless chair = signedIn("chair");
        assertEquals(403, chair.get("/board/submissions?period=2017April").status());
        assertEquals(403, chair.postForm("/board/submissions/LAC/2017April/CSC/approve", form(chair, chair.get("/board"), "version", "6")).status());
        Browserless lead = signedIn("csc.lead");
        assertEquals(403, lead.postForm("/board/submissions/LAC/2017April/CSC/approve", form(lead, lead.get("/agency/CSC"), "version", "6")).status());
        assertTrue(indicators.writes().isEmpty());
    }
}
