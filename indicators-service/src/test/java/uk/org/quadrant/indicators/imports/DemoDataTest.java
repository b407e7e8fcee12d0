package uk.org.quadrant.indicators.imports;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partnership's own figures load, and the system reproduces the board papers' statements. */
@MicronautTest
@Property(name = "quadrant.demo-data.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    @Test
    void atLeastTwentyFiveIndicatorsAcrossTheAgencies() {
        List<Map<String, Object>> indicators = get("/api/v1/indicators", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(indicators.size() >= 25, "indicators: " + indicators.size());
        assertTrue(indicators.stream().map(i -> i.get("ownerAgency")).distinct().count() >= 6);
    }

    @Test
    void childProtectionPlansRose28Point3PercentOverTwoYears() {
        Map<String, Object> change = get("/api/v1/indicators/CP-PLANS/change?from=2015April&to=2017April", Argument.mapOf(String.class, Object.class));
        assertEquals(569, ((Number) change.get("fromValue")).intValue());
        assertEquals(730, ((Number) change.get("toValue")).intValue());
        assertEquals(161, ((Number) change.get("change")).intValue());
        assertEquals(28.3, ((Number) change.get("changePercent")).doubleValue());
    }

    @Test
    void selfHarmAttendancesRose21Point8Percent() {
        List<Map<String, Object>> series = get("/api/v1/indicators/AE-SELF-HARM/series", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> last = series.get(series.size() - 1);
        assertEquals(660, ((Number) last.get("value")).intValue());
        assertEquals(21.8, ((Number) last.get("changePercent")).doubleValue());
    }

    @Test
    void offTargetMeasuresAreExceptions() {
        List<Map<String, Object>> exceptions = get("/api/v1/exceptions", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> mash = exceptions.stream().filter(r -> "MASH-TIMELINESS".equals(r.get("code"))).findFirst().orElseThrow();
        assertEquals("RED", mash.get("rag"));
        assertEquals(75, ((Number) mash.get("target")).intValue());
        assertTrue(exceptions.stream().anyMatch(r -> "CAMHS-12WK".equals(r.get("code"))));
        assertTrue(exceptions.stream().noneMatch(r -> "LAC".equals(r.get("code"))), "691 against a ceiling of 700 is green");
    }

    @Test
    void neglectShareIsComparedWithTheLatestEnglandFigure() {
        List<Map<String, Object>> series = get("/api/v1/indicators/CP-NEGLECT-PCT/series", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> last = series.get(series.size() - 1);
        assertEquals(65, ((Number) last.get("value")).intValue());
        assertEquals(48, ((Number) ((Map<?, ?>) last.get("benchmarks")).get("ENGLAND")).intValue());
        assertEquals(17, ((Number) ((Map<?, ?>) last.get("benchmarkGaps")).get("ENGLAND")).intValue());
    }

    @Test
    void aNewcomerSeesHowOxfordshireComparesFromThePublishedFiles() {
        Map<String, Object> c = get("/api/v1/indicators/LAC/comparison", Argument.mapOf(String.class, Object.class));
        assertEquals("2024April", c.get("period"));
        Map<?, ?> la = (Map<?, ?>) c.get("la");
        assertEquals("931", la.get("code"));
        assertEquals(800, ((Number) la.get("value")).intValue(), "Oxfordshire, 31 March 2025");
        assertEquals("South East", ((Map<?, ?>) c.get("region")).get("name"));
        assertEquals(10, ((List<?>) ((Map<?, ?>) c.get("neighbours")).get("members")).size());
        assertEquals("cla_number_and_rate_per_10k_children.csv", ((Map<?, ?>) c.get("source")).get("file"));
        Map<String, Object> rate = get("/api/v1/indicators/LAC-RATE-10K/comparison?period=2024April", Argument.mapOf(String.class, Object.class));
        assertEquals(51, Math.round(((Number) ((Map<?, ?>) rate.get("la")).get("value")).doubleValue()), "51 per 10,000");
        Map<String, Object> list = get("/api/v1/benchmarks", Argument.mapOf(String.class, Object.class));
        List<?> lines = (List<?>) list.get("indicators");
        assertTrue(lines.size() >= 2, list::toString);
        Map<?, ?> mapped = (Map<?, ?>) lines.stream().filter(l -> "LAC-RATE-10K".equals(((Map<?, ?>) l).get("indicator"))).findFirst().orElseThrow();
        assertEquals("NEIGHBOURS_MEAN", mapped.get("targetFrom"));
        assertTrue(mapped.get("quartile") != null && mapped.get("rank") != null, mapped::toString);
    }

    private <T> T get(String path, Argument<T> type) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.board("chair", "BOARD_CHAIR")), type);
    }
}
