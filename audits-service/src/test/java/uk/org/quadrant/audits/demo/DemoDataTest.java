package uk.org.quadrant.audits.demo;

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

/** The board papers' audits load, and the chair sees the grade counts and repeated themes they report. */
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

    private <T> T get(String path, Argument<T> type) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.board("chair", "BOARD_CHAIR")), type);
    }

    @Test
    void socialCareCaseAudits2014To15Were66Point2PercentGoodOrBetter() {
        List<Map<String, Object>> audits = get("/api/v1/audits", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(audits.size() >= 30, "audits: " + audits.size());
        Object id = audits.stream().filter(a -> String.valueOf(a.get("title")).contains("2014/15")
                && "CSC".equals(a.get("leadAgency"))).findFirst().orElseThrow().get("id");
        Map<String, Object> grades = get("/api/v1/audits/" + id + "/grades", Argument.mapOf(String.class, Object.class));
        assertEquals(68, grades.get("cases"));
        assertEquals(66.2, ((Number) grades.get("compliancePercent")).doubleValue());
        assertEquals(false, grades.get("complianceMet"));
    }

    @Test
    void theReportsRepeatedThemesLeadThe2017To18Analysis() {
        List<Map<String, Object>> themes = get("/api/v1/themes/analysis?from=2017-04-01&to=2018-03-31",
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<Object> top = themes.stream().limit(8).map(t -> t.get("theme")).toList();
        assertTrue(top.contains("VOICE_OF_THE_CHILD"), "top themes: " + top);
        assertTrue(top.contains("DOMESTIC_ABUSE"), "top themes: " + top);
        Map<String, Object> voice = themes.stream().filter(t -> "VOICE_OF_THE_CHILD".equals(t.get("theme"))).findFirst().orElseThrow();
        assertEquals(true, voice.get("repeated"));
        assertTrue(((List<?>) voice.get("quadrants")).size() >= 2, "evidenced in more than one quadrant: " + voice);
    }
}
