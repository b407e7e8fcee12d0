package uk.org.quadrant.gateway.browse.indicators;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indicator catalogue and indicator page over a real HTTP stand-in of indicators-service: the
 * chart and its table carry the service's figures, whose series is asked for depends on who asks,
 * the CSV comes through as a download with the user's token, and unknown or hidden indicators are 404.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorPagesTest implements TestPropertyProvider {

    private static final String CSV = "indicator_code,period,value\nCP-PLANS,2017April,730\n";
    private static final String DEFINITION = """
            {"code":"%s","title":"Children subject to a child protection plan","description":"At the end of the year",
             "unit":"COUNT","polarity":"LOWER_IS_BETTER","frequency":"FINANCIAL_YEAR","ownerAgency":"CSC","priority":2,
             "tolerancePercent":10,"published":true,"active":true,"version":1}""";

    private final ServiceStandIn indicators = new ServiceStandIn()
            .on("/api/v1/indicators", """
                    [{"code":"CP-PLANS","title":"Children subject to a child protection plan","unit":"COUNT","polarity":"LOWER_IS_BETTER",
                      "ownerAgency":"CSC","priority":2,"active":true},
                     {"code":"DA-REFERRALS","title":"Domestic abuse notifications to schools","unit":"PERCENT","polarity":"HIGHER_IS_BETTER",
                      "ownerAgency":"TVP","priority":4,"active":true}]""")
            .on("/api/v1/indicators/CP-PLANS", DEFINITION.formatted("CP-PLANS"))
            .on("/api/v1/indicators/CP-PLANS/series", """
                    [{"period":"2015April","periodLabel":"2015/16","agency":"CSC","value":569,"target":600,"rag":"GREEN","direction":"NO_PREVIOUS",
                      "changePercent":null,"benchmarks":{"England":520},"status":"APPROVED","comment":"Base of the rise"},
                     {"period":"2016April","periodLabel":"2016/17","agency":"CSC","value":607,"target":600,"rag":"AMBER","direction":"WORSENING",
                      "changePercent":6.7,"benchmarks":{"England":540},"status":"APPROVED","comment":null},
                     {"period":"2017April","periodLabel":"2017/18","agency":"CSC","value":730,"target":600,"rag":"RED","direction":"WORSENING",
                      "changePercent":20.3,"benchmarks":{"England":560},"status":"SUBMITTED","comment":"A rise of 28% over the 2-year period"}]""")
            .on("/api/v1/indicators/CP-PLANS/targets", """
                    [{"indicatorCode":"CP-PLANS","period":"2017April","periodLabel":"2017/18","comparator":null,"value":600}]""")
            .on("/api/v1/indicators/CP-PLANS/baselines", """
                    [{"indicatorCode":"CP-PLANS","period":"2015April","periodLabel":"2015/16","comparator":null,"value":569}]""")
            .on("/api/v1/indicators/CP-PLANS/benchmarks", """
                    [{"indicatorCode":"CP-PLANS","period":"2017April","periodLabel":"2017/18","comparator":"England","value":560}]""")
            .on("/api/v1/indicators/CP-PLANS/series.csv", new ServiceStandIn.Answer(200, "text/csv; charset=utf-8", CSV))
            .on("/api/v1/indicators/CP-PLANS/comparison/series", """
                    [{"indicator":"CP-PLANS","title":"Children subject to a child protection plan","unit":"COUNT","polarity":"LOWER_IS_BETTER",
                      "period":"2016April","periodLabel":"2016/17","la":{"code":"931","name":"Oxfordshire","value":null,"suppressed":"c","localValue":607},
                      "england":{"code":"E92000001","name":"England","value":43},"region":{"code":"E12000008","name":"South East","value":39},
                      "neighbours":{"model":"2025","mean":37,"median":36,"withData":3,"members":[]},"rank":{"position":null,"of":150},"quartile":null,
                      "versus":{},"source":null},
                     {"indicator":"CP-PLANS","title":"Children subject to a child protection plan","unit":"COUNT","polarity":"LOWER_IS_BETTER",
                      "period":"2017April","periodLabel":"2017/18","la":{"code":"931","name":"Oxfordshire","value":40,"localValue":730},
                      "england":{"code":"E92000001","name":"England","value":45},"region":{"code":"E12000008","name":"South East","value":41},
                      "neighbours":{"model":"2025","mean":38.33,"median":38,"withData":3,"members":[
                        {"code":"869","name":"West Berkshire","value":35,"closeness":"VERY_CLOSE"},
                        {"code":"825","name":"Buckinghamshire","value":38,"closeness":"CLOSE"},
                        {"code":"886","name":"Kent","value":42,"closeness":"SOMEWHAT_CLOSE"},
                        {"code":"850","name":"Hampshire","value":null,"suppressed":"x","closeness":"CLOSE"}]},
                      "rank":{"position":30,"of":152},"quartile":"B",
                      "versus":{"england":{"difference":-5,"relation":"LOWER","better":true}},
                      "source":{"importId":4,"file":"cp_plans_2018.csv","importedAt":"2026-12-01T10:00:00Z","importedBy":"manager"}}]""")
            .on("/api/v1/indicators/BENCH", DEFINITION.formatted("BENCH"))
            .on("/api/v1/indicators/BENCH/series", """
                    [{"period":"2017April","periodLabel":"2017/18","agency":"CSC","value":40,"target":38.33,"rag":"RED","direction":"WORSENING",
                      "changePercent":null,"benchmarks":{},"status":"APPROVED","comment":null,"targetFrom":"NEIGHBOURS_MEAN"}]""")
            .on("/api/v1/indicators/BENCH/targets", "[]")
            .on("/api/v1/indicators/BENCH/baselines", "[]")
            .on("/api/v1/indicators/BENCH/benchmarks", "[]")
            .on("/api/v1/indicators/HIDDEN", DEFINITION.formatted("HIDDEN"))
            .on("/api/v1/indicators/HIDDEN/series", 404, "{\"status\":404}")
            .on("/api/v1/indicators/BROKEN", DEFINITION.formatted("BROKEN"))
            .on("/api/v1/indicators/BROKEN/series", 500, "{\"status\":500}")
            .on("/api/v1/indicators/BROKEN/targets", "[]")
            .on("/api/v1/indicators/BROKEN/baselines", "[]")
            .on("/api/v1/indicators/BROKEN/benchmarks", "[]");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "quadrant.downstream.timeout", "PT1S",
                "quadrant.downstream.breaker-threshold", "100000");
    }

    @BeforeEach
    void reset() {
        indicators.clear();
        indicators.recover();
    }

    @AfterAll
    void stop() {
        indicators.close();
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(user, Browserless.DEMO_PASSWORD);
        return browser;
    }

    private List<String> asked() {
        return indicators.received().stream().map(ServiceStandIn.Request::pathAndQuery)
                .filter(p -> !p.equals("/api/v1/submissions/waiting")).toList();   // the manager's navigation count
    }

    @Test
    void theBoardSeesThePartnershipFiguresAsAChartAndATable() {
        Browserless browser = signedIn("chair");
        Browserless.Page page = browser.get("/indicators/CP-PLANS");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(asked().contains("/api/v1/indicators/CP-PLANS/series"), "the board gets the owner agency's series: " + asked());
        // definition
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">Children subject to a child protection plan</h1>"), body);
        assertTrue(body.contains("Lower is better") && body.contains("Priority 2") && body.contains("At the end of the year"), "definition");
        // the chart
        assertTrue(body.contains("<svg class=\"quadrant-trend-chart\"") && body.contains("role=\"img\""), "chart");
        assertTrue(body.contains("<title id=\"trend-chart-title\">Children subject to a child protection plan: trend by period</title>"), body);
        assertTrue(body.contains("Values: 569 in 2015/16 (Green, target 600); 607 in 2016/17 (Amber, target 600); 730 in 2017/18 (Red, target 600)."), body);
        assertTrue(body.contains("<title>2017/18: 730, Red</title><rect"), "a red point is a square with its rating in words");
        assertTrue(body.contains(">England</text>") && body.contains(">Target</text>"), "benchmark and target lines are named");
        // the table alternative
        assertTrue(body.matches("(?s).*>2017/18</th>\\s*<td[^>]*>730</td>\\s*<td[^>]*>600</td>\\s*<td[^>]*><strong[^>]*>Red</strong></td>\\s*<td[^>]*>20.3 %</td>.*"), body);
        assertTrue(body.contains(">Amber</strong>") && body.contains(">Green</strong>"), "each rating in words");
        // reference figures, commentary, CSV
        assertTrue(body.contains(">Baseline</td>") && body.contains(">Benchmark: England</td>") && body.contains(">Target</td>"), "references");
        assertTrue(body.indexOf("A rise of 28% over the 2-year period") < body.indexOf("Base of the rise"), "commentary, newest first");
        assertTrue(body.contains("href=\"/indicators/CP-PLANS/series.csv\""), "CSV link");
        assertFalse(body.contains("/agency/") && body.contains("/values/"), "the chair gets no value forms");
        assertFalse(body.contains("/board/submissions"), "nor approvals");
        String session = browser.cookie("quadrant_session").orElseThrow();
        indicators.received().forEach(r -> assertEquals("Bearer " + session, r.authorization(), r.toString()));
    }

    @Test
    void theIndicatorPageSaysHowItComparesInWordsAChartAndTables() {
        String body = signedIn("tvp.user").get("/indicators/CP-PLANS").body();
        assertTrue(asked().contains("/api/v1/indicators/CP-PLANS/comparison/series"), asked().toString());
        assertTrue(body.contains("<h2 class=\"govuk-heading-m\" id=\"comparison-heading\">How it compares</h2>"), body);
        assertTrue(body.contains("40 in 2017/18: below England, above the neighbours&#39; mean; 3rd of 4 with its neighbours;"
                + " quartile B (the second best quarter of local authorities)."), "the plain-English sentence: " + body);
        // the figures beside it: published and local, England, region, the neighbours, rank and band
        assertTrue(body.contains("Published figure (Oxfordshire)") && body.contains("Quadrant&#39;s own figure") && body.contains(">730</dd>"), body);
        assertTrue(body.contains("South East (region)") && body.contains("38.3 (3 of 4 neighbours with data)"), body);
        assertTrue(body.contains("30th of 152 local authorities"), body);
        // the chart over time and its table alternative; a suppressed figure in words, never 0
        assertTrue(body.contains("quadrant-comparison-chart") && body.contains("role=\"img\""), "the chart");
        assertTrue(body.matches("(?s).*>2016/17</th>\\s*<td[^>]*>not published \\(c\\)</td>\\s*<td[^>]*>43</td>\\s*<td[^>]*>39</td>"
                + "\\s*<td[^>]*>37</td>.*"), body);
        assertTrue(body.matches("(?s).*>2017/18</th>\\s*<td[^>]*>40</td>\\s*<td[^>]*>45</td>\\s*<td[^>]*>41</td>\\s*<td[^>]*>38.3</td>.*"), body);
        // the neighbours with their closeness in words
        assertTrue(body.matches("(?s).*>West Berkshire</th>\\s*<td[^>]*>35</td>\\s*<td[^>]*>Very close</td>.*"), body);
        assertTrue(body.matches("(?s).*>Hampshire</th>\\s*<td[^>]*>not published \\(x\\)</td>\\s*<td[^>]*>Close</td>.*"), body);
        // where it came from
        assertTrue(body.contains("file cp_plans_2018.csv, imported on 1 December 2026 by manager."), body);
        assertFalse(body.contains("Map it to published statistics"), "an agency user gets no mapping link");
    }

    @Test
    void anIndicatorWithoutPublishedFiguresSaysSoAndTheManagerMayMapIt() {
        String body = signedIn("manager").get("/indicators/BROKEN").body();
        assertTrue(body.contains("This indicator has no published figures to compare with."), body);
        assertTrue(body.contains("href=\"/benchmarks/mappings/BROKEN\""), body);
    }

    @Test
    void aTargetTakenFromABenchmarkSaysSo() {
        String body = signedIn("chair").get("/indicators/BENCH").body();
        assertTrue(body.contains("38.33 (at or better than the neighbours&#39; mean)"), body);
    }

    @Test
    void theManagerGoesFromAPeriodToItsSubmissions() {
        String body = signedIn("manager").get("/indicators/CP-PLANS").body();
        assertTrue(body.contains("href=\"/board/submissions?period=2017April\""), body);
    }

    @Test
    void anAgencyUserSeesTheirOwnSeriesAndGoesToTheValueForm() {
        String body = signedIn("csc.user").get("/indicators/CP-PLANS").body();
        assertTrue(asked().contains("/api/v1/indicators/CP-PLANS/series?agency=CSC"), asked().toString());
        assertTrue(body.contains("href=\"/agency/CSC/values/CP-PLANS/2017April\""), body);
    }

    @Test
    void theCsvIsADownloadFetchedWithTheUsersToken() {
        Browserless browser = signedIn("csc.lead");
        String session = browser.cookie("quadrant_session").orElseThrow();
        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/indicators/CP-PLANS/series.csv").cookie(Cookie.of("quadrant_session", session)), String.class);
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"), response.getContentType().toString());
        assertEquals("attachment; filename=\"CP-PLANS-series.csv\"", response.header("Content-Disposition"));
        assertEquals(CSV, response.body());
        assertTrue(indicators.received().stream().anyMatch(r -> r.pathAndQuery().equals("/api/v1/indicators/CP-PLANS/series.csv?agency=CSC")
                && ("Bearer " + session).equals(r.authorization())), indicators.received().toString());
    }

    @Test
    void unknownAndHiddenIndicatorsAreNotFound() {
        Browserless browser = signedIn("csc.user");
        Browserless.Page unknown = browser.get("/indicators/NO-SUCH-THING");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(404, browser.get("/indicators/not%20a%20code").status());
        Browserless.Page hidden = browser.get("/indicators/HIDDEN");
        assertEquals(404, hidden.status(), "the service's 404 for this user is the page's 404");
        assertFalse(hidden.body().contains("Children subject to a child protection plan"), hidden.body());
        assertEquals(404, browser.get("/indicators/NO-SUCH-THING/series.csv").status());
    }

    @Test
    void figuresThatDoNotComeGreyOutTheirPanelAndTheDefinitionStays() {
        Browserless.Page page = signedIn("chair").get("/indicators/BROKEN");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("The figures are not available right now"), page.body());
        assertTrue(page.body().contains("Lower is better"), "the definition still shows");
        assertFalse(page.body().contains("role=\"img\""), "no chart without figures");
    }

    @Test
    void withoutTheServiceThereIsNoIndicatorPage() {
        indicators.failWith(500);
        Browserless browser = signedIn("chair");
        assertEquals(503, browser.get("/indicators/CP-PLANS").status());
        assertEquals(503, browser.get("/indicators").status());
        try {
            http.toBlocking().exchange(HttpRequest.GET("/indicators/CP-PLANS/series.csv")
                    .cookie(Cookie.of("quadrant_session", browser.cookie("quadrant_session").orElseThrow())), String.class);
        } catch (HttpClientResponseException e) {
            assertEquals(503, e.code());
            return;
        }
        throw new AssertionError("the CSV download of a dead service must fail");
    }

    @Test
    void theCatalogueListsAndFiltersIndicators() {
        Browserless browser = signedIn("csc.user");
        String all = browser.get("/indicators").body();
        assertTrue(all.contains("href=\"/indicators/CP-PLANS\">Children subject to a child protection plan</a>"), all);
        assertTrue(all.contains("Domestic abuse notifications to schools") && all.contains("Higher is better") && all.contains(">Percentage<"), all);
        String csc = browser.get("/indicators?agency=CSC").body();
        assertTrue(csc.contains("Children subject to a child protection plan"), csc);
        assertFalse(csc.contains("Domestic abuse notifications to schools"), "filtered by owning agency");
        String p4 = browser.get("/indicators?priority=4").body();
        assertTrue(p4.contains("Domestic abuse notifications to schools") && !p4.contains(">Children subject to a child protection plan<"), p4);
    }
}
