package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.support.Browserless;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A count (children looked after) is compared by its rate per 10,000 children: the service's answers carry
 * the figures of the published file ({@code cla_number_and_rate_per_10k_children.csv}, 31 March 2024 and
 * 2025: Oxfordshire 770 and 800, 50 and 51 per 10,000; England 83,530 and 81,770, 69 and 67; the South East;
 * Oxfordshire's ten neighbours of the 2025 model; 36th of 151 by rate, band A, where by count it would be
 * 128th, band D), and every page says the count and the rate, sets the rates side by side and charts the rates.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountComparedByRateTest implements TestPropertyProvider {

    private static final String DEFINITION = """
            {"code":"LAC","title":"Children looked after by the local authority","description":"At 31 March",
             "unit":"COUNT","polarity":"LOWER_IS_BETTER","frequency":"FINANCIAL_YEAR","ownerAgency":"CSC","priority":2,
             "tolerancePercent":10,"published":true,"active":true,"version":1}""";

    /** The neighbours of 931 in the 2025 model with their counts and rates at 31 March 2025 (the file's). */
    private static final String MEMBERS_2025 = """
            [{"code":"873","name":"Cambridgeshire","value":705,"closeness":"Extremely close","rate":49},
             {"code":"919","name":"Hertfordshire","value":999,"closeness":"Very close","rate":36},
             {"code":"825","name":"Buckinghamshire","value":522,"closeness":"Very close","rate":40},
             {"code":"937","name":"Warwickshire","value":727,"closeness":"Very close","rate":56},
             {"code":"916","name":"Gloucestershire","value":758,"closeness":"Very close","rate":57},
             {"code":"850","name":"Hampshire","value":1738,"closeness":"Very close","rate":60},
             {"code":"867","name":"Bracknell Forest","value":124,"closeness":"Very close","rate":42},
             {"code":"938","name":"West Sussex","value":975,"closeness":"Very close","rate":54},
             {"code":"869","name":"West Berkshire","value":189,"closeness":"Very close","rate":53},
             {"code":"803","name":"South Gloucestershire","value":207,"closeness":"Very close","rate":33}]""";

    private static final String SERIES = """
            [{"indicator":"LAC","title":"Children looked after by the local authority","unit":"COUNT","polarity":"LOWER_IS_BETTER",
              "period":"2023April","periodLabel":"2023/24","la":{"code":"931","name":"Oxfordshire","value":770,"suppressed":null,"localValue":null,"rate":50},
              "england":{"code":"E92000001","name":"England","value":83530,"rate":69},"region":{"code":"E12000008","name":"South East","value":11150,"rate":56},
              "neighbours":{"model":"2025","mean":733.1,"median":712.5,"withData":10,"members":[],"rateMean":50.1,"rateMedian":50,"rateWithData":10},
              "rank":{"position":30,"of":152},"quartile":"A","versus":{},"source":null,"comparedOn":"rate"},
             {"indicator":"LAC","title":"Children looked after by the local authority","unit":"COUNT","polarity":"LOWER_IS_BETTER",
              "period":"2024April","periodLabel":"2024/25","la":{"code":"931","name":"Oxfordshire","value":800,"suppressed":null,"localValue":null,"rate":51},
              "england":{"code":"E92000001","name":"England","value":81770,"rate":67},"region":{"code":"E12000008","name":"South East","value":11050,"rate":55},
              "neighbours":{"model":"2025","mean":694.4,"median":716,"withData":10,"members":%s,"rateMean":48,"rateMedian":51,"rateWithData":10},
              "rank":{"position":36,"of":151},"quartile":"A",
              "versus":{"england":{"difference":-16,"relation":"LOWER","better":true},"region":{"difference":-4,"relation":"LOWER","better":true},
                        "neighbours":{"difference":3,"relation":"HIGHER","better":false}},
              "source":{"importId":4,"file":"cla_number_and_rate_per_10k_children.csv","importedAt":"2026-12-01T10:00:00Z","importedBy":"manager"},
              "comparedOn":"rate"}]""".formatted(MEMBERS_2025);

    private static final String SUMMARY = """
            {"place":{"laCode":"931","laName":"Oxfordshire","regionCode":"E12000008","regionName":"South East","neighbourModel":"2025"},
             "indicators":[
              {"indicator":"LAC","title":"Children looked after by the local authority","unit":"COUNT","polarity":"LOWER_IS_BETTER",
               "measure":"children_count","targetFrom":null,"period":"2024April","periodLabel":"2024/25","value":800,"suppressed":null,
               "localValue":null,"england":81770,"region":11050,"neighboursMean":694.4,"rank":{"position":36,"of":151},"quartile":"A",
               "versus":{"england":{"difference":-16,"relation":"LOWER","better":true},"region":{"difference":-4,"relation":"LOWER","better":true},
                         "neighbours":{"difference":3,"relation":"HIGHER","better":false}},
               "source":null,"comparedOn":"rate","rate":51,"englandRate":67,"regionRate":55,"neighboursRateMean":48}]}""";

    private final ServiceStandIn indicators = new ServiceStandIn()
            .on("/api/v1/indicators", """
                    [{"code":"LAC","title":"Children looked after by the local authority","unit":"COUNT","polarity":"LOWER_IS_BETTER",
                      "ownerAgency":"CSC","priority":2,"active":true}]""")
            .on("/api/v1/indicators/LAC", DEFINITION)
            .on("/api/v1/indicators/LAC/series", """
                    [{"period":"2024April","periodLabel":"2024/25","agency":"CSC","value":790,"target":751.9,"rag":"AMBER","direction":"WORSENING",
                      "changePercent":null,"benchmarks":{},"status":"APPROVED","comment":null,"targetFrom":"NEIGHBOURS_MEAN",
                      "targetBenchmark":{"from":"NEIGHBOURS_MEAN","value":751.9,"period":"2024April","periodLabel":"2024/25","rate":48}}]""")
            .on("/api/v1/indicators/LAC/targets", "[]")
            .on("/api/v1/indicators/LAC/baselines", "[]")
            .on("/api/v1/indicators/LAC/benchmarks", "[]")
            .on("/api/v1/indicators/LAC/comparison/series", SERIES)
            .on("/api/v1/benchmarks", SUMMARY);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "quadrant.downstream.timeout", "PT1S",
                "quadrant.downstream.breaker-threshold", "100000");
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

    @Test
    void theIndicatorPageSaysTheCountAndTheRateAndComparesTheRates() {
        String body = signedIn("tvp.user").get("/indicators/LAC").body();
        // 51 against England's 67 and the neighbours' mean rate of 48; 6th of 11 by rate (by count, 800 would be 8th).
        assertTrue(body.contains("800 children looked after by the local authority in 2024/25, 51 per 10,000 children: below England,"
                + " above the neighbours&#39; mean; 6th of 11 with its neighbours; quartile A (the best quarter of local authorities)."),
                "the sentence: " + body);
        assertTrue(body.contains(">800 (51 per 10,000 children)</dd>") && body.contains(">81,770 (67 per 10,000 children)</dd>")
                && body.contains(">11,050 (55 per 10,000 children)</dd>"), body);
        assertTrue(body.contains("Neighbours&#39; mean rate") && body.contains(">48 per 10,000 children (10 of 10 neighbours with data)</dd>")
                && body.contains(">51 per 10,000 children</dd>"), "the neighbours' mean and median rates: " + body);
        assertTrue(body.contains("36th of 151 local authorities, by rate per 10,000 children"), body);
        // The neighbours' table: the count and the rate.
        assertTrue(body.contains(">Count</th>") && body.contains(">Per 10,000 children</th>"), body);
        assertTrue(body.matches("(?s).*>Hampshire</th>\\s*<td[^>]*>1,738</td>\\s*<td[^>]*>60</td>\\s*<td[^>]*>Very close</td>.*"), body);
        // The chart and its table are of the rates, and say so.
        assertTrue(body.contains("Rates per 10,000 children aged 0 to 17, not counts"), "the chart's caption: " + body);
        assertTrue(body.contains("The comparison chart's figures by period, per 10,000 children"), body);
        assertTrue(body.matches("(?s).*>2023/24</th>\\s*<td[^>]*>50</td>\\s*<td[^>]*>69</td>\\s*<td[^>]*>56</td>\\s*<td[^>]*>50.1</td>.*"), body);
        assertTrue(body.matches("(?s).*>2024/25</th>\\s*<td[^>]*>51</td>\\s*<td[^>]*>67</td>\\s*<td[^>]*>55</td>\\s*<td[^>]*>48</td>.*"), body);
        assertTrue(body.contains("Rate per 10,000 children"), "the chart's axis");
        assertFalse(body.contains(">81770<") || body.contains(">81,770</td>"), "England's count is not charted");
        // The target from the neighbours' mean: the count Oxfordshire would have at their mean rate, which the page names.
        assertTrue(body.contains("751.9 (at or better than the neighbours&#39; mean of 48 per 10,000 children)"), body);
    }

    @Test
    void theListAndItsCsvCarryTheRatesTheRankIsOn() {
        String body = signedIn("chair").get("/benchmarks").body();
        assertTrue(body.contains(">800 (51 per 10,000 children)</td>") && body.contains(">81,770 (67 per 10,000 children)</td>")
                && body.contains(">694.4 (48 per 10,000 children)</td>"), body);
        assertTrue(body.contains("36th of 151 local authorities") && body.contains("Quartile A (the best quarter of local authorities)"), body);
        assertTrue(body.matches("(?s).*>81,770 \\(67 per 10,000 children\\)</td>\\s*<td[^>]*>Lower \\(better\\)</td>.*"), body);
        Browserless.Page csv = signedIn("chair").get("/benchmarks.csv");
        assertEquals(200, csv.status(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).endsWith(",target_from,compared_on,rate_per_10000,england_rate_per_10000,region_rate_per_10000,"
                + "neighbours_mean_rate_per_10000"), lines.get(0));
        assertEquals("LAC,Children looked after by the local authority,2024/25,800,,,81770,11050,694.4,Lower (better),Higher (worse),36,151,A,,"
                + "rate,51,67,55,48", lines.get(1));
    }

    @Test
    void theBoardAndTheReportSayTheRateIsCompared() throws IOException {
        BenchmarkSummary summary = json.readValue(SUMMARY, Argument.of(BenchmarkSummary.class));
        HowItCompares compared = HowItCompares.of(Panel.of(summary, "indicators-service"));
        // 51 per 10,000 against England's 67 and the neighbours' 48; by count it would be 800 against 81,770 and 694.4.
        assertEquals("Per 10,000 children, lower than England, higher than similar authorities", compared.words("LAC", "2024April"));
        assertEquals("lower than England and similar authorities",
                ComparisonWording.forBoard(new java.math.BigDecimal("40"), new java.math.BigDecimal("45"), new java.math.BigDecimal("41")),
                "a rate or a percentage as before");
    }
}
