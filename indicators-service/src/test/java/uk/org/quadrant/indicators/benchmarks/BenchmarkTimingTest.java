package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.quadrant.indicators.benchmarks.BenchmarkTestSupport.query;

/**
 * Issue 16's performance figures, over real HTTP on the real files (opt-in: {@code -Dquadrant.timing=true}):
 * the import of the 2,132-row children-in-need file, the comparison's p95, and {@code GET /api/v1/benchmarks}
 * with 100 mapped indicators (cold, after an import, and warm). Prints the figures; asserts only correctness.
 *
 * <pre>./mvnw -B -ntp -o -pl service-common,indicators-service test -Dtest=BenchmarkTimingTest -Dquadrant.timing=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "quadrant.timing", matches = "true")
class BenchmarkTimingTest implements TestPropertyProvider {

    private static final String I = "/api/v1/indicators";
    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    private String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    private void define(BenchmarkTestSupport http, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", "Timing " + code);
        m.put("unit", "COUNT");
        m.put("polarity", "LOWER_IS_BETTER");
        m.put("frequency", "FINANCIAL_YEAR");
        m.put("ownerAgency", "CSC");
        m.put("priority", 3);
        m.put("tolerancePercent", 10);
        io.micronaut.http.MutableHttpRequest<?> request = io.micronaut.http.HttpRequest.POST(I, m).bearerAuth(manager());
        assertEquals(201, client.toBlocking().exchange(request, String.class).code());
    }

    @Test
    void importComparisonAndList() {
        BenchmarkTestSupport http = new BenchmarkTestSupport(client, json);
        String cin = PublishedFiles.text(PublishedFiles.CIN);
        String cla = PublishedFiles.text(PublishedFiles.CLA);
        define(http, "T-CIN");
        // Warm up the JIT and the connection on a dry run, then time the written import.
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.upload(manager(), query("T-CIN", "At31_episodes", "category:Children in Need", true), cin).status());
        }
        List<Long> imports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            var res = http.upload(manager(), query("T-CIN", "At31_episodes", "category:Children in Need", false), cin);
            imports.add(System.nanoTime() - t);
            assertEquals(200, res.status(), res::toString);
        }
        String user = tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
        for (int i = 0; i < 200; i++) {
            http.get(user, I + "/T-CIN/comparison?period=2024April");
        }
        List<Long> comparisons = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long t = System.nanoTime();
            var res = http.get(user, I + "/T-CIN/comparison?period=" + (2014 + i % 11) + "April");
            comparisons.add(System.nanoTime() - t);
            assertEquals(200, res.status(), res::toString);
        }
        for (int n = 1; n <= 100; n++) {
            String code = "T-LIST-" + n;
            define(http, code);
            assertEquals(200, http.upload(manager(), query(code, "children_count",
                    "population_type:" + PublishedFiles.CLA_31_MARCH, false), cla).status());
        }
        long t0 = System.nanoTime();
        var cold = http.get(user, "/api/v1/benchmarks");
        long coldNanos = System.nanoTime() - t0;
        assertEquals(200, cold.status());
        List<Long> lists = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            assertEquals(200, http.get(user, "/api/v1/benchmarks").status());
            lists.add(System.nanoTime() - t);
        }
        // After one import the list recomputes that indicator's comparisons only.
        assertEquals(200, http.upload(manager(), query("T-LIST-50", "children_count", "population_type:" + PublishedFiles.CLA_31_MARCH, false),
                cla.replace("Children looked after on 31 March each year,156647,800,51", "Children looked after on 31 March each year,156647,801,51"))
                .status());
        long t1 = System.nanoTime();
        assertEquals(200, http.get(user, "/api/v1/benchmarks").status());
        long afterImport = System.nanoTime() - t1;
        System.out.printf("TIMING import of %d-row EES file (b1 children in need): median %.0f ms, max %.0f ms%n",
                cin.split("\n").length - 1, ms(percentile(imports, 50)), ms(percentile(imports, 100)));
        System.out.printf("TIMING comparison (1000 GETs, 11 periods): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                ms(percentile(comparisons, 50)), ms(percentile(comparisons, 95)), ms(percentile(comparisons, 99)));
        System.out.printf("TIMING GET /api/v1/benchmarks, 100 mapped indicators: cold %.0f ms; warm p50 %.1f ms, p95 %.1f ms; after one import %.0f ms%n",
                ms(coldNanos), ms(percentile(lists, 50)), ms(percentile(lists, 95)), ms(afterImport));
    }

    private static long percentile(List<Long> xs, int p) {
        List<Long> s = xs.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
