package uk.org.quadrant.gateway.board;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board dashboard over real HTTP stand-ins of the three services: every panel of the quadrant
 * shows the stand-ins' figures, the filters travel in the URL and on to the services, the user's own
 * token goes with every call, and a service that is down or slow greys out only its own panels.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardDashboardTest implements TestPropertyProvider {

    private static final long SLOW_MS = 4000;

    private final ServiceStandIn indicators = new ServiceStandIn()
            // How the figures compare: CP-PLANS for the board's period; MASH-TIMELINESS only for a later one (so: nothing said).
            .on("/api/v1/benchmarks", """
                    {"place":{"laCode":"931","laName":"Oxfordshire","neighbourModel":"2025"},"indicators":[
                     {"indicator":"CP-PLANS","title":"Children subject to a child protection plan","period":"2017April","value":40,
                      "england":35,"region":38,"neighboursMean":45,"rank":{"position":70,"of":152},"quartile":"B"},
                     {"indicator":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","period":"2024April","value":45,
                      "england":80,"neighboursMean":82}]}""")
            .on("/api/v1/scorecard", """
                    [{"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","unit":"PERCENT","polarity":"HIGHER_IS_BETTER",
                      "ownerAgency":"CSC","priority":7,"period":"2017April","periodLabel":"2017/18","value":45,"target":75,"rag":"RED",
                      "direction":"WORSENING","previousValue":52,"change":-7,"changePercent":-13.5,"benchmarks":{},"status":"APPROVED",
                      "comment":"Below target: staffing gaps in the MASH","outlier":false,
                      "trend":[{"period":"2015April","value":61},{"period":"2016April","value":52},{"period":"2017April","value":45}]},
                     {"code":"CP-PLANS","title":"Children subject to a child protection plan","unit":"COUNT","polarity":"LOWER_IS_BETTER",
                      "ownerAgency":"CSC","priority":2,"period":"2017April","periodLabel":"2017/18","value":730,"target":700,"rag":"AMBER",
                      "direction":"WORSENING","previousValue":607,"change":123,"changePercent":20.3,"benchmarks":{},"status":"APPROVED",
                      "comment":null,"outlier":false,"trend":[{"period":"2015April","value":569},{"period":"2016April","value":607},{"period":"2017April","value":730}]},
                     {"code":"LAC","title":"Looked-after children","unit":"COUNT","polarity":"NEUTRAL","ownerAgency":"CSC","priority":5,
                      "period":"2017April","periodLabel":"2017/18","value":691,"target":700,"rag":"GREEN","direction":"WORSENING",
                      "changePercent":3.6,"comment":null,"trend":[]}]""")
            .on("/api/v1/submissions", r -> ServiceStandIn.Answer.json("""
                    {"period":"%s","periodLabel":"x","agencies":[
                      {"agency":"CSC","due":4,"missing":1,"draft":0,"submitted":1,"approved":2,"returned":0,"items":[]},
                      {"agency":"TVP","due":2,"missing":0,"draft":0,"submitted":0,"approved":2,"returned":0,"items":[]}]}"""
                    .formatted(r.query().replace("period=", ""))));
    private final ServiceStandIn audits = new ServiceStandIn()
            .on("/api/v1/audits/recent", """
                    [{"id":11,"type":"MULTI_AGENCY_CASE_AUDIT","title":"Neglect multi-agency case audit","leadAgency":"CSC",
                      "participatingAgencies":["TVP","OH"],"periodStart":"2017-04-01","periodEnd":"2018-03-31","status":"REPORTED",
                      "updatedAt":"2018-05-01T10:00:00Z"},
                     {"id":12,"type":"SINGLE_AGENCY_AUDIT","title":"Police referrals audit","leadAgency":"TVP","participatingAgencies":[],
                      "periodStart":"2016-04-01","periodEnd":"2017-03-31","status":"CLOSED","updatedAt":"2017-06-01T10:00:00Z"}]""")
            .on("/api/v1/grades", """
                    [{"gradingScale":"OFSTED","audits":2,"cases":12,"distribution":{"OUTSTANDING":0,"GOOD":9,"REQUIRES_IMPROVEMENT":3,"INADEQUATE":0},
                      "percentMeetingStandard":75.0,"standard":"GOOD","auditIds":[11]}]""")
            .on("/api/v1/themes/analysis", r -> ServiceStandIn.Answer.json(
                    r.query().contains("quadrant=PRACTITIONER") ? """
                            [{"theme":"THRESHOLDS","label":"Thresholds","findings":4,"sources":2,"repeated":true,"quadrants":["PRACTITIONER"],
                              "examples":[{"findingId":5,"auditId":21,"auditTitle":"Practitioner event on thresholds","kind":"VIEW",
                                "text":"Practitioners said the threshold document is hard to apply at the front door"}]}]"""
                    : r.query().contains("quadrant=CHILDREN_AND_FAMILIES") ? """
                            [{"theme":"VOICE_OF_THE_CHILD","label":"Voice of the child","findings":3,"sources":2,"repeated":true,
                              "quadrants":["CHILDREN_AND_FAMILIES"],"examples":[{"findingId":6,"auditId":22,"auditTitle":"Young people's survey",
                                "kind":"VIEW","text":"I want my worker to listen to me, not just my mum"}]}]"""
                    : """
                            [{"theme":"NEGLECT","label":"Neglect","findings":30,"sources":14,"repeated":true,"quadrants":["QUALITATIVE"],"examples":[]},
                             {"theme":"FATHERS","label":"Fathers","findings":1,"sources":1,"repeated":false,"quadrants":["QUALITATIVE"],"examples":[]}]"""));
    private static final String OVERDUE_ROWS = """
            [{"id":42,"planId":3,"ref":"JTAI-3.2","issue":"Strategy meetings","action":"Audit the timeliness of strategy meetings",
              "dueDate":"2018-03-31","leadRole":"Head of service","leadAgency":"CSC","priority":7,"status":"IN_PROGRESS","delivery":"OVERDUE"}]""";
    private final ServiceStandIn actions = new ServiceStandIn()
            .on("/api/v1/rollups", r -> ServiceStandIn.Answer.json(r.query().contains("by=priority") ? """
                    [{"key":"7","total":6,"completed":1,"overdue":4,"atRisk":1,"onTrack":0,"percentCompleted":16.7,"dueInNext30Days":0,"overdueActions":[]}]"""
                    : """
                    [{"key":"TVP","total":3,"completed":3,"overdue":0,"atRisk":0,"onTrack":0,"percentCompleted":100.0,"dueInNext30Days":0,"overdueActions":[]},
                     {"key":"CSC","total":10,"completed":4,"overdue":3,"atRisk":2,"onTrack":1,"percentCompleted":40.0,"dueInNext30Days":1,"overdueActions":[]}]"""))
            .on("/api/v1/actions", OVERDUE_ROWS);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url(),
                "quadrant.downstream.timeout", "PT1S",
                // services go down on purpose here: keep every circuit closed so each test sees only its own outage
                "quadrant.downstream.breaker-threshold", "100000");
    }

    @BeforeEach
    void reset() {
        Stream.of(indicators, audits, actions).forEach(s -> {
            s.clear();
            s.recover();
        });
    }

    @AfterAll
    void stop() {
        Stream.of(indicators, audits, actions).forEach(ServiceStandIn::close);
    }

    private Browserless.Page board(String user, String path) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(user, Browserless.DEMO_PASSWORD);
        Browserless.Page page = browser.get(path);
        assertEquals(200, page.status(), page.body());
        return page;
    }

    @Test
    void theWholeQuadrantShowsTheServicesFigures() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        String body = browser.get("/board?period=2017April").body();

        // quantitative: RAG counts, exceptions with value, target, change, commentary and trend
        assertTrue(body.matches("(?s).*quadrant-rag-counts__number\">1</span>\\s*<span class=\"quadrant-rag-counts__label\">Red<.*"), body);
        assertTrue(body.contains("href=\"/indicators/MASH-TIMELINESS\">MASH decisions within 24 hours</a>"), "exception links to its page");
        assertTrue(body.contains("href=\"/indicators/CP-PLANS\""), "amber and worsening is an exception");
        assertFalse(body.contains(">Looked-after children<"), "a green indicator is not an exception");
        assertTrue(body.indexOf("MASH-TIMELINESS") < body.indexOf("CP-PLANS"), "red before amber");
        assertTrue(body.contains(">-13.5 %<"), "change %");
        assertTrue(body.contains("Below target: staffing gaps in the MASH"), "commentary");
        assertTrue(body.contains("<svg class=\"quadrant-sparkline\"") && body.contains("aria-hidden=\"true\""), "sparkline, hidden from screen readers");
        assertTrue(body.contains("2015/16: 569, 2016/17: 607, 2017/18: 730"), "the trend's figures in text");
        assertTrue(body.contains("Red</strong>") && body.contains("Amber, worsening</strong>"), "ratings in words");
        // submission matrix: agency × period
        assertTrue(body.contains(">2015/16</span>") && body.contains(">2016/17</span>") && body.contains(">2017/18</span>"), "period columns");
        assertTrue(body.contains("2 of 4 approved; 1 missing, 1 submitted"), body);
        assertTrue(body.contains(">Complete</strong>"), "TVP's returns are complete");
        // qualitative
        assertTrue(body.contains("href=\"/audits/11\">Neglect multi-agency case audit</a>"), "recent audits link to the audit");
        assertFalse(body.contains("Police referrals audit"), "an audit outside the period is left out");
        assertTrue(body.contains("75.0 % good or better"), "grade distribution");
        assertTrue(body.contains(">Neglect</a>") && !body.contains(">Fathers</a>"), "only repeated themes");
        // practitioners', children's and families' views
        assertTrue(body.contains("Practitioners said the threshold document is hard to apply at the front door"), "practitioner quote");
        assertTrue(body.contains("I want my worker to listen to me, not just my mum"), "child's quote");
        // actions
        int byAgency = body.indexOf("panel-actions-agency\"");
        assertTrue(body.indexOf(">Children&#39;s Social Care</th>", byAgency) < body.indexOf(">Thames Valley Police</th>", byAgency),
                "most overdue first, agencies by name");
        assertTrue(body.contains("40.0 %") && body.contains("Priority 7</th>") && body.contains("16.7 %"), "by agency and by priority");
        assertTrue(body.contains("href=\"/actions/42\">JTAI-3.2</a>") && body.contains("31 March 2018"), "overdue list links to the action");
        assertFalse(body.contains("not available right now"), "every panel is up");

        String session = browser.cookie("quadrant_session").orElseThrow();
        Stream.of(indicators, audits, actions).flatMap(s -> s.received().stream()).forEach(r ->
                assertEquals("Bearer " + session, r.authorization(), "each call carries the user's own token: " + r));
    }

    @Test
    void theFirstScreenIsTheQuadrantAtAGlanceWithWhatNeedsTheBoardsAttentionFirst() {
        String body = board("chair", "/board?period=2017April").body();
        int attention = body.indexOf("id=\"overview-attention\"");
        int[] cards = {body.indexOf("id=\"overview-performance\""), body.indexOf("id=\"overview-audits\""),
                body.indexOf("id=\"overview-practitioners\""), body.indexOf("id=\"overview-families\"")};
        int details = body.indexOf("id=\"performance\"");
        assertTrue(attention > 0 && attention < cards[0] && cards[0] < cards[1] && cards[1] < cards[2] && cards[2] < cards[3]
                && cards[3] < details, "attention, then the four quadrants, then the details: " + attention + " " + List.of(cards));
        String overview = body.substring(attention, details);
        // what needs attention: overdue actions (counted), agencies late with returns (the stand-in's CSC misses one, past its deadline)
        assertTrue(overview.matches("(?s).*>1</span> <span>actions overdue<.*"), overview);
        assertTrue(overview.matches("(?s).*>2</span> <span>actions at risk<.*"), overview);
        assertTrue(overview.matches("(?s).*>1</span> <span>agency late with returns for 2017/18<.*"), overview);
        assertFalse(overview.contains("waiting for your approval"), "approvals are the manager's");
        // performance: off track = red, or amber and getting worse; each named with its figure against its target
        assertTrue(overview.matches("(?s).*>2</span> <span>off track<.*"), overview);
        assertTrue(overview.contains("MASH decisions within 24 hours: 45 against 75"), overview);
        assertTrue(overview.indexOf("MASH decisions") < overview.indexOf("Children subject to a child protection plan: 730 against 700"),
                "red before amber");
        // audits: graded cases against the standard in the scale's words; views: their themes
        assertTrue(overview.contains("of 12 graded cases good or better (Ofsted)"), overview);
        assertTrue(overview.contains("Repeated: Neglect, 30 findings from 14 sources"), overview);
        assertTrue(overview.contains("Thresholds: 4 findings from 2 sources") && overview.contains("Voice of the child: 3 findings from 2 sources"),
                overview);

        String manager = board("manager", "/board?period=2017April").body();
        assertTrue(manager.matches("(?s).*>3</span> <span>values waiting for your approval<.*"), "one submitted in each of three periods");
    }

    @Test
    void aPeriodWithoutFiguresSaysSoInsteadOfShowingAnotherPeriods() {
        // the scorecard answers each indicator's latest figure up to the period: here all are 2017/18's
        String body = board("chair", "/board?period=2019April").body();
        assertTrue(body.contains("3 indicators have no figure for 2019/20"), body);
        assertTrue(body.contains("No indicator is red, or amber and getting worse in 2019/20."), body);
        assertFalse(body.contains("href=\"/indicators/MASH-TIMELINESS\""), "2017/18's exception is not shown as 2019/20's");
        assertTrue(body.matches("(?s).*quadrant-rag-counts__number\">3</span>\\s*<span class=\"quadrant-rag-counts__label\">No figure for 2019/20<.*"),
                () -> "counted as having no figure: " + body.substring(body.indexOf("quadrant-rag-counts\""), body.indexOf("panel-exceptions\"")));
        // without a period, every indicator's latest figure counts
        String latest = board("chair", "/board").body();
        assertTrue(latest.contains("href=\"/indicators/MASH-TIMELINESS\""), latest);
        assertFalse(latest.contains("have no figure for"), latest);
    }

    @Test
    void anExceptionSaysHowItsFigureComparesWhenThereIsAComparisonForItsPeriod() {
        String body = board("chair", "/board?period=2017April").body();
        assertTrue(indicators.received().stream().anyMatch(r -> r.pathAndQuery().equals("/api/v1/benchmarks?period=2017April")),
                indicators.received().toString());
        int cp = body.indexOf("href=\"/indicators/CP-PLANS\"");
        assertTrue(cp > 0 && body.indexOf("Higher than England, lower than similar authorities", cp) > cp, body);
        assertFalse(body.contains("than England and similar authorities"), "MASH's comparison is for another period: nothing said");
    }

    @Test
    void theFiltersTravelInTheUrlAndOnToTheServices() {
        String body = board("manager", "/board?period=2017April&priority=7&agency=CSC").body();
        // the navigation's approvals count is read in the background, at most once in 30 s: not one of the board's calls
        List<String> ind = indicators.received().stream().map(ServiceStandIn.Request::pathAndQuery)
                .filter(p -> !p.equals("/api/v1/submissions/waiting")).toList();
        List<String> aud = audits.received().stream().map(ServiceStandIn.Request::pathAndQuery).toList();
        List<String> act = actions.received().stream().map(ServiceStandIn.Request::pathAndQuery).toList();
        assertTrue(ind.contains("/api/v1/scorecard?agency=CSC&priority=7&period=2017April"), ind.toString());
        assertTrue(ind.containsAll(List.of("/api/v1/submissions?period=2017April", "/api/v1/submissions?period=2016April",
                "/api/v1/submissions?period=2015April")), ind.toString());
        assertTrue(aud.contains("/api/v1/grades?from=2017-04-01&to=2018-03-31"), aud.toString());
        assertTrue(aud.contains("/api/v1/audits/recent?from=2017-04-01&to=2018-03-31&agency=CSC&limit=5"), aud.toString());
        assertTrue(aud.contains("/api/v1/themes/analysis?from=2017-04-01&to=2018-03-31&agency=CSC"), aud.toString());
        assertTrue(aud.contains("/api/v1/themes/analysis?from=2017-04-01&to=2018-03-31&agency=CSC&quadrant=PRACTITIONER"), aud.toString());
        assertTrue(aud.contains("/api/v1/themes/analysis?from=2017-04-01&to=2018-03-31&agency=CSC&quadrant=CHILDREN_AND_FAMILIES"), aud.toString());
        // the period reaches the actions: those due in it
        assertTrue(act.contains("/api/v1/actions?agency=CSC&priority=7&delivery=OVERDUE&dueFrom=2017-04-01&dueTo=2018-03-31&page=0&size=20"),
                act.toString());
        assertTrue(act.containsAll(List.of("/api/v1/rollups?by=agency&overdueActions=false&dueFrom=2017-04-01&dueTo=2018-03-31",
                "/api/v1/rollups?by=priority&overdueActions=false&dueFrom=2017-04-01&dueTo=2018-03-31")), act.toString());
        assertEquals(13, ind.size() + aud.size() + act.size(), "one call per panel, none per indicator: " + ind + aud + act);

        assertTrue(body.contains("Period: 2017/18") && body.contains("Priority: Priority 7") && body.contains("Agency: Children&#39;s Social Care"), "active filters shown, the agency by name");
        assertTrue(body.contains("<option value=\"2017April\" selected=\"selected\">2017/18</option>"), "the form keeps the chosen period");
        assertTrue(body.contains("<option value=\"7\" selected=\"selected\">Priority 7</option>"), "and priority");
        assertTrue(body.contains("value=\"CSC\" selected=\"selected\""), "and agency");
        assertFalse(body.contains(">Thames Valley Police</th>") || body.contains(">Thames Valley Police</a></th>"),
                "other agencies' rows are filtered out of the matrix and roll-ups");
        assertTrue(body.contains("Actions due in 2017/18"), "the actions section says which actions it counts");
        assertTrue(body.contains("href=\"/board/submissions?period=2017April\""), "the manager goes from the matrix to the approvals");
    }

    @Test
    void theBoardListsTheMostOverdueActionsAndSaysHowManyThereAre() {
        String page = "/api/v1/actions?delivery=OVERDUE&page=0&size=20";
        actions.on(page, ServiceStandIn.Answer.json(OVERDUE_ROWS).withHeader("X-Total-Count", "57"));
        try {
            String body = board("chair", "/board").body();
            assertTrue(body.contains("The 1 most overdue of 57 overdue actions."), "the panel says how many there are in all");
            assertTrue(body.contains("Audit the timeliness of strategy meetings"), "and lists the page it got");
        } finally {
            actions.on(page, OVERDUE_ROWS);
        }
        // A list that fits whole says nothing more.
        assertFalse(board("chair", "/board").body().contains("most overdue of"));
    }

    @Test
    void filtersThatAreNotValuesAreIgnoredAndSaidSo() {
        String body = board("chair", "/board?period=bogus&priority=99&agency=csc%3Cb%3E").body();
        assertTrue(indicators.received().stream().anyMatch(r -> r.pathAndQuery().equals("/api/v1/scorecard")), indicators.received().toString());
        assertTrue(body.contains("Not used, because it is not a known value"), body);
        assertFalse(body.contains("href=\"/board/submissions"), "the chair gets no link to approvals");
    }

    @Test
    void indicatorsServiceDownGreysOnlyItsPanels() {
        indicators.failWith(500);
        String body = board("chair", "/board").body();
        assertTrue(body.contains("Performance data is not available right now"), body);
        assertTrue(body.contains("Exceptions are not available right now"));
        assertTrue(body.contains("Submission status is not available right now"));
        assertTrue(body.contains("Neglect multi-agency case audit") && body.contains("I want my worker to listen"), "audits panels show data");
        assertTrue(body.contains("JTAI-3.2"), "actions panels show data");
    }

    @Test
    void auditsServiceDownGreysOnlyItsPanels() {
        audits.failWith(500);
        String body = board("chair", "/board").body();
        assertTrue(body.contains("Audits are not available right now"), body);
        assertTrue(body.contains("Audit grades are not available right now"));
        assertTrue(body.contains("Themes are not available right now"));
        assertTrue(body.contains("Views are not available right now"));
        assertTrue(body.contains("MASH decisions within 24 hours") && body.contains("2 of 4 approved"), "indicator panels show data");
        assertTrue(body.contains("JTAI-3.2"), "actions panels show data");
    }

    @Test
    void actionsServiceDownGreysOnlyItsPanels() {
        actions.failWith(500);
        String body = board("manager", "/board").body();
        assertTrue(body.contains("Actions are not available right now"), body);
        assertTrue(body.contains("Overdue actions are not available right now"));
        assertTrue(body.contains("MASH decisions within 24 hours"), "indicator panels show data");
        assertTrue(body.contains("Neglect multi-agency case audit"), "audit panels show data");
    }

    @Test
    void aSlowServiceGreysItsPanelsAndThePageStillRendersInTime() {
        actions.slow(Duration.ofMillis(SLOW_MS));
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        long start = System.nanoTime();
        Browserless.Page page = browser.get("/board");
        String body = page.body();
        assertEquals(200, page.status(), body);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < SLOW_MS - 1000, "the page waited " + millis + " ms: the slow service must not hold it up");
        assertTrue(body.contains("Actions are not available right now"), body);
        assertTrue(body.contains("MASH decisions within 24 hours"));
    }

    @Test
    void agencyUsersDoNotGetTheBoardDashboard() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("csc.lead", Browserless.DEMO_PASSWORD);
        Browserless.Page page = browser.get("/board");
        assertNotEquals(200, page.status());
        assertFalse(page.body().contains("Filter the dashboard"));
        assertTrue(indicators.received().isEmpty(), "no service was asked");
    }
}
