package uk.org.quadrant.gateway.browse.plans;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The action-plan pages against an actions-service stand-in over real HTTP: the plan list with
 * delivery counts, the inspection's action-plan table (its columns, live measures, latest
 * progress), filters, one action with its updates newest first, who is offered "Add a progress
 * update", 404s, and a greyed-out progress column when the updates call fails.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesTest implements TestPropertyProvider {

    static final String A11 = action(11, 1, "1.1", "Thresholds for interventions are not generally well understood",
            "Remodel the MASH with police and health", "Referral routes into CSC are clear",
            "Incremental rise each quarter in timeliness of response", "\"MASH-TIMELINESS\"", "\"GTE\"", "75",
            "2017-08-31", "Chair of MASH Steering Group", "CSC", "IN_PROGRESS", "OVERDUE", "\"NOT_MET\"", "45.5", "\"2017/18\"");
    // 1.1 and 2.2 answer the same issue (consecutive): the table says it once
    static final String A12 = action(12, 1, "2.2", "Thresholds for interventions are not generally well understood",
            "External training for managers who chair strategy meetings", "Strategy meetings lead to SMART action plans",
            "Training delivered to 100% of managers", "null", "null", "null",
            "2016-11-30", "Detective Superintendent", "TVP", "COMPLETED", "COMPLETED", "null", "null", "null");
    static final String A13 = action(13, 1, "3.1", "Caseloads too high", "Recruit permanent social workers",
            "Manageable caseloads", "Average caseload at most 18", "\"CASELOAD\"", "\"LTE\"", "18",
            "2027-03-31", "Deputy Director", "CSC", "IN_PROGRESS", "ON_TRACK", "\"NO_DATA\"", "null", "null");
    static final String A14 = action(14, 2, "1", "Was not brought to health appointments", "Publish a was-not-brought policy",
            "Missed appointments followed up", "Audit of 20 cases", "\"WNB-FOLLOWUP\"", "\"GTE\"", "90",
            "2027-01-31", "Named nurse", "OH", "IN_PROGRESS", "AT_RISK", "\"UNAVAILABLE\"", "null", "null");

    private final ServiceStandIn actions = new ServiceStandIn()
            .on("/api/v1/plans", "[" + plan(1, "Joint Targeted Area Inspection 2016: written statement of action", "INSPECTION", "")
                    + "," + plan(2, "Child J: review recommendations", "SERIOUS_CASE_REVIEW", "") + "]")
            .on("/api/v1/rollups?by=plan", """
                    [{"key":"1","total":4,"completed":1,"overdue":1,"atRisk":0,"onTrack":2,"percentCompleted":25.0,"dueInNext30Days":0,"overdueActions":[]},
                     {"key":"2","total":1,"completed":0,"overdue":0,"atRisk":1,"onTrack":0,"percentCompleted":0.0,"dueInNext30Days":0,"overdueActions":[]}]""")
            .on("/api/v1/plans/1", plan(1, "Joint Targeted Area Inspection 2016: written statement of action", "INSPECTION",
                    A11 + "," + A12 + "," + A13))
            .on("/api/v1/plans/1/latest-updates", "[" + update(5, 11, "2017-05-01", "MASH remodelled with new duty teams",
                    "\"Referrals now get a decision within one working day\"") + ","
                    + update(8, 12, "2016-12-01", "Training delivered to all 24 chairs", "\"Nine in ten strategy minutes have SMART actions\"") + "]")
            .on("/api/v1/plans/2", plan(2, "Child J: review recommendations", "SERIOUS_CASE_REVIEW", A14))
            .on("/api/v1/plans/2/latest-updates", 500, "{\"status\":500,\"title\":\"Internal Server Error\"}")
            .on("/api/v1/actions/11", A11)
            .on("/api/v1/actions/11/updates", "[" + update(4, 11, "2017-02-01", "Steering group set up", "null") + ","
                    + update(5, 11, "2017-05-01", "MASH remodelled with new duty teams", "\"Referrals now get a decision within one working day\"") + "]")
            .on("/api/v1/actions/12", A12)
            .on("/api/v1/actions/12/updates", "[]")
            .on("/api/v1/actions/14", A14)
            .on("/api/v1/actions/14/updates", 500, "{\"status\":500,\"title\":\"Internal Server Error\"}")
            .on("/api/v1/actions?agency=TVP&delivery=COMPLETED", "[" + A12 + "]");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.actions.url", actions.url(),
                "quadrant.downstream.breaker-threshold", "1000");
    }

    @AfterAll
    void stop() {
        actions.close();
    }

    private Browserless as(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(user, Browserless.DEMO_PASSWORD);
        return browser;
    }

    private static Page ok(Page page) {
        assertEquals(200, page.status(), page.body());
        return page;
    }

    @Test
    void thePlanListCountsActionsByDeliveryStatus() {
        Browserless browser = as("csc.user");
        String body = ok(browser.get("/plans")).body();
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">Action plans</h1>"), body);
        assertTrue(body.contains("href=\"/plans/1\""), body);
        assertTrue(body.contains("Joint Targeted Area Inspection 2016: written statement of action"));
        assertTrue(body.contains("Serious case review"), "the source in words");
        String row = rowOf(body, "/plans/1\"");
        assertEquals(List.of("4", "1", "1", "0", "2"), numericCells(row), "total, completed, overdue, at risk, on track: " + row);
        assertEquals(List.of("1", "0", "0", "1", "0"), numericCells(rowOf(body, "/plans/2\"")));
        String session = browser.cookie("quadrant_session").orElseThrow();
        assertTrue(actions.authorizations().contains("Bearer " + session), "the user's own token: " + actions.authorizations());
    }

    @Test
    void thePlanIsTheInspectionsActionPlanTable() {
        String body = ok(as("chair").get("/plans/1")).body();
        assertTrue(body.contains("<caption class=\"govuk-table__caption govuk-table__caption--m\" id=\"plan-table-caption\">Action plan: 3 of 3 actions, by the issue they answer</caption>"), body);
        assertTrue(body.contains("role=\"region\" aria-labelledby=\"plan-table-caption\" tabindex=\"0\""), "a focusable scrolling region");
        List<String> headers = columnHeaders(body);
        assertEquals(List.of("Ref", "Action, what will be different and how we will know", "Lead", "Completion date", "Delivery",
                "Latest progress"), headers, "six columns: delivery and latest progress fit the page");
        // the issue once, as the heading of the actions that answer it
        assertEquals(1, body.split("Thresholds for interventions are not generally well understood", -1).length - 1, body);
        int issue = body.indexOf("scope=\"rowgroup\"");
        assertTrue(issue > 0 && issue < body.indexOf("/actions/11\"") && body.indexOf("/actions/12\"") < body.indexOf("Caseloads too high"),
                "the issue heads its group, 1.1 and 2.2 under it, then the next issue");
        String row = rowOf(body, "/actions/11\"");
        assertTrue(row.contains("<th scope=\"row\""), "the ref heads its row");
        assertTrue(row.contains("Remodel the MASH with police and health"));
        assertTrue(row.contains("Referral routes into CSC are clear"));
        assertTrue(row.contains("Incremental rise each quarter in timeliness of response"));
        assertTrue(row.contains(">Not met</strong>"), "the live measure status in words: " + row);
        assertTrue(row.contains("MASH-TIMELINESS: 45.5 (2017/18), target at least 75"), row);
        assertTrue(row.contains("Chair of MASH Steering Group, Children&#39;s Social Care"), row);
        assertTrue(row.contains("31 August 2017"));
        assertTrue(row.contains("govuk-tag--red\">Overdue</strong>"), row);
        assertTrue(row.contains("1 May 2017") && row.contains("MASH remodelled with new duty teams"), row);
        assertTrue(row.contains("What difference has this made?</strong> <span>Referrals now get a decision within one working day"), row);

        String completed = rowOf(body, "/actions/12\"");
        assertTrue(completed.contains("govuk-tag--green\">Completed</strong>"));
        assertFalse(completed.contains("Not met") || completed.contains("target at least"), "no measure, no measure status");
        assertTrue(completed.contains("Nine in ten strategy minutes have SMART actions"));
        String noData = rowOf(body, "/actions/13\"");
        assertTrue(noData.contains(">No data yet</strong>") && noData.contains("CASELOAD, target at most 18"), noData);
        assertTrue(noData.contains("govuk-tag--blue\">On track</strong>"));
        assertTrue(noData.contains("No update yet"));
        assertFalse(body.contains("Add a progress update"), "the chair gets no write control");

        // the compact view for a meeting: ref, action, lead, date, delivery, date of the latest update
        String compact = ok(as("chair").get("/plans/1?view=compact")).body();
        assertEquals(List.of("Ref", "Action", "Lead", "Completion date", "Delivery", "Latest update"), columnHeaders(compact));
        String short11 = rowOf(compact, "/actions/11\"");
        assertTrue(short11.contains("Remodel the MASH with police and health") && short11.contains("1 May 2017"), short11);
        assertFalse(short11.contains("Referral routes into CSC are clear") || short11.contains("MASH remodelled with new duty teams"),
                "no outcome or narrative: " + short11);
        assertTrue(compact.contains("name=\"view\" value=\"compact\""), "the filters keep the compact view");
        assertTrue(compact.contains("Show outcomes, measures and progress in full"));
    }

    @Test
    void theTableFiltersByLeadAgencyAndDeliveryStatus() {
        Browserless browser = as("manager");
        String csc = ok(browser.get("/plans/1?agency=CSC")).body();
        assertTrue(csc.contains("/actions/11\"") && csc.contains("/actions/13\""));
        assertFalse(csc.contains("/actions/12\""), "TVP's action is filtered out");
        assertTrue(csc.contains("Action plan: 2 of 3 actions"));
        assertTrue(csc.contains("<option value=\"CSC\" selected=\"selected\">"), "the form keeps the filter");
        String overdue = ok(browser.get("/plans/1?delivery=OVERDUE")).body();
        assertTrue(overdue.contains("/actions/11\"") && !overdue.contains("/actions/13\"") && !overdue.contains("/actions/12\""));
        assertTrue(overdue.contains("<form method=\"get\" action=\"/plans/1\""), "a GET form");
        String nothing = ok(browser.get("/plans/1?agency=OH")).body();
        assertTrue(nothing.contains("No actions in this plan match these filters."));

        actions.clear();
        String across = ok(browser.get("/plans?agency=TVP&delivery=COMPLETED")).body();
        assertTrue(actions.requestLines().contains("GET /api/v1/actions?agency=TVP&delivery=COMPLETED"), actions.requestLines().toString());
        assertTrue(across.contains("1 matching actions"), across);
        assertTrue(across.contains("External training for managers who chair strategy meetings"));
    }

    @Test
    void oneActionShowsItsSmartFieldsMeasureAndUpdatesNewestFirst() {
        String body = ok(as("csc.lead").get("/actions/11")).body();
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">Action 1.1</h1>"));
        assertTrue(body.contains("Joint Targeted Area Inspection 2016: written statement of action"), "the plan's title");
        for (String field : List.of("Issue raised", "Action", "What will be different", "How we will know", "Measurable criterion",
                "Lead", "Completion date")) {
            assertTrue(body.contains("<dt class=\"govuk-summary-list__key\">" + field + "</dt>"), field);
        }
        assertTrue(body.contains("MASH-TIMELINESS at least 75"));
        assertTrue(body.contains("Latest MASH-TIMELINESS: 45.5 (2017/18), against a target of at least 75."), body);
        assertTrue(body.contains("govuk-tag--red\">Overdue</strong>"));
        int newest = body.indexOf("MASH remodelled with new duty teams");
        int oldest = body.indexOf("Steering group set up");
        assertTrue(newest > 0 && oldest > newest, "newest first");
        assertTrue(body.contains("Referrals now get a decision within one working day"));
        assertTrue(body.contains("Not yet said"), "an update without a difference says so");
        assertTrue(body.contains("1 February 2017"));
    }

    @Test
    void onlyTheLeadAgencyAndTheManagerAreOfferedAnUpdate() {
        String button = "href=\"/actions/11/update\"";
        assertTrue(ok(as("csc.lead").get("/actions/11")).body().contains(button), "lead of the lead agency");
        assertTrue(ok(as("csc.user").get("/actions/11")).body().contains(button), "contributor of the lead agency");
        assertTrue(ok(as("manager").get("/actions/11")).body().contains(button), "the board manager");
        String chair = ok(as("chair").get("/actions/11")).body();
        assertFalse(chair.contains(button) || chair.contains("Add a progress update"), "never the chair");
        String tvp = ok(as("tvp.lead").get("/actions/11")).body();
        assertFalse(tvp.contains("Add a progress update"), "another agency reads but is not offered an update");
        assertTrue(ok(as("tvp.user").get("/actions/12")).body().contains("href=\"/actions/12/update\""), "TVP leads 2.2");
    }

    @Test
    void aPlanOrActionThatDoesNotExistIsA404Page() {
        Browserless browser = as("manager");
        Page plan = browser.get("/plans/99");
        assertEquals(404, plan.status());
        assertTrue(plan.body().contains("Page not found"), plan.body());
        // The error page has the layout every page has: the user's name and a working sign-out form.
        assertTrue(plan.body().contains(">Sign out<"), plan.body());
        assertTrue(plan.body().matches("(?s).*name=\"csrfToken\" value=\"[^\"]{20,}\".*"), plan.body());
        assertEquals(404, browser.get("/actions/99").status());
    }

    @Test
    void whenUpdatesFailThePlanAndActionStillRenderWithThatPartGreyedOut() {
        Browserless browser = as("oh.user");
        String plan = ok(browser.get("/plans/2")).body();
        assertTrue(plan.contains("Publish a was-not-brought policy"), "the table is still there");
        assertTrue(plan.contains("Progress updates are not available right now"), plan);
        assertTrue(plan.contains(">Unavailable</strong>"), "the measure could not be checked: said in words");
        assertTrue(plan.contains("govuk-tag--yellow\">At risk</strong>"));
        String action = ok(browser.get("/actions/14")).body();
        assertTrue(action.contains("Progress updates are not available right now (actions-service did not answer)."), action);
        assertTrue(action.contains("quadrant-panel--unavailable"));
        assertTrue(action.contains("href=\"/actions/14/update\""), "OH leads it");
    }

    // ---- fixtures and page reading ------------------------------------------------------------------

    static String plan(long id, String title, String sourceType, String actionsJson) {
        return """
                {"id":%d,"title":"%s","sourceType":"%s","sourceRef":"REF-%d","owner":"Director of Children's Services",
                 "startDate":"2016-05-10","version":0,"actions":[%s]}""".formatted(id, title, sourceType, id, actionsJson);
    }

    static String action(long id, long planId, String ref, String issue, String action, String outcome, String measure,
                         String indicator, String comparator, String target, String due, String leadRole, String lead,
                         String status, String delivery, String measureStatus, String value, String periodLabel) {
        return """
                {"id":%d,"planId":%d,"ref":"%s","issue":"%s","action":"%s","outcome":"%s","measure":"%s",
                 "measureIndicator":%s,"measureComparator":%s,"measureTarget":%s,"dueDate":"%s","leadRole":"%s","leadAgency":"%s",
                 "priority":7,"status":"%s","delivery":"%s","measureStatus":%s,"measureValue":%s,"measurePeriod":null,
                 "measurePeriodLabel":%s,"sourceRef":null,"lastUpdateAt":null,"updatedBy":"manager","updatedAt":"2017-01-01T00:00:00Z","version":3}"""
                .formatted(id, planId, ref, issue, action, outcome, measure, indicator, comparator, target, due, leadRole, lead,
                        status, delivery, measureStatus, value, periodLabel);
    }

    static String update(long id, long actionId, String date, String narrative, String difference) {
        return """
                {"id":%d,"actionId":%d,"updateDate":"%s","author":"someone","authorRole":"Head of Service","agency":"CSC",
                 "narrative":"%s","difference":%s,"evidenceLink":null,"statusAfter":"IN_PROGRESS","createdAt":"%sT10:00:00Z"}"""
                .formatted(id, actionId, date, narrative, difference, date);
    }

    /** The table row containing {@code marker}. */
    static String rowOf(String body, String marker) {
        int at = body.indexOf(marker);
        assertTrue(at > 0, "no " + marker + " in page");
        int start = body.lastIndexOf("<tr", at);
        int end = body.indexOf("</tr>", at);
        return body.substring(start, end);
    }

    static List<String> numericCells(String row) {
        Matcher m = Pattern.compile("govuk-table__cell--numeric\">([^<]*)<").matcher(row);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<String> columnHeaders(String body) {
        Matcher m = Pattern.compile("<th scope=\"col\" class=\"govuk-table__header[^\"]*\">([^<]*)</th>").matcher(body);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
