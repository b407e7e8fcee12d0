package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 11 self-assessments: rating, carry-forward into the next cycle, board challenge, agency scoping. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfAssessmentApiTest implements TestPropertyProvider {

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

    private Map<String, Object> call(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private int status(MutableHttpRequest<?> request, String token) {
        try {
            if (token != null) {
                request.bearerAuth(token);
            }
            return http.toBlocking().exchange(request).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> assessment, String code) {
        return ((List<Map<String, Object>>) assessment.get("standards")).stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void ratingsCarryForwardIntoTheNextCycleAndTheBoardChallenges() {
        String ohLead = tokens.agencyUser("oh.lead", "OH", "AGENCY_LEAD");
        Map<String, Object> first = call(HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2016April")), ohLead);
        assertEquals("OH", first.get("agency"));
        assertEquals(8, first.get("unrated"));
        Object id = first.get("id");
        Map<String, Object> rated = call(HttpRequest.PUT("/api/v1/section11/assessments/" + id + "/standards/S11-5",
                Map.of("rag", "AMBER", "evidence", "Level 3 training at 68 % of staff")), ohLead);
        assertEquals("AMBER", row(rated, "S11-5").get("rag"));
        assertEquals(1, rated.get("amber"));

        Map<String, Object> challenged = call(HttpRequest.PUT("/api/v1/section11/assessments/" + id + "/standards/S11-5/challenge",
                Map.of("comment", "What is the plan to reach 90 %?")), tokens.board("chair", "BOARD_CHAIR"));
        assertEquals("What is the plan to reach 90 %?", row(challenged, "S11-5").get("boardComment"));
        assertEquals("chair", row(challenged, "S11-5").get("boardCommentBy"));

        Map<String, Object> next = call(HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2017April")), ohLead);
        assertEquals(id, next.get("carriedFrom"));
        Map<String, Object> carried = row(next, "S11-5");
        assertEquals("AMBER", carried.get("rag"));
        assertEquals("Level 3 training at 68 % of staff", carried.get("evidence"));
        assertNull(carried.get("boardComment"), "last cycle's challenge stays with last cycle");

        Map<String, Object> body = new HashMap<>(Map.of("rag", "GREEN", "evidence", "Now 91 %"));
        body.put("version", carried.get("version"));
        assertEquals("GREEN", row(call(HttpRequest.PUT("/api/v1/section11/assessments/" + next.get("id") + "/standards/S11-5", body),
                ohLead), "S11-5").get("rag"));
        assertEquals(409, status(HttpRequest.PUT("/api/v1/section11/assessments/" + next.get("id") + "/standards/S11-5", body), ohLead),
                "a stale version is refused");
        assertEquals("AMBER", row(call(HttpRequest.GET("/api/v1/section11/assessments/" + id), ohLead), "S11-5").get("rag"),
                "editing the new cycle leaves the old one as it was");
    }

    @Test
    void agenciesSeeAndWriteOnlyTheirOwn() {
        String csc = tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
        String tvp = tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD");
        Object id = call(HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2018April")), csc).get("id");
        String path = "/api/v1/section11/assessments/" + id;
        assertEquals(404, status(HttpRequest.GET(path), tvp));
        assertEquals(404, status(HttpRequest.GET("/api/v1/section11/assessments/999999"), tvp));
        assertEquals(404, status(HttpRequest.PUT(path + "/standards/S11-1", Map.of("rag", "RED")), tvp));
        assertEquals(403, status(HttpRequest.POST("/api/v1/section11/assessments", Map.of("agency", "CSC", "cycle", "2019April")), tvp));
        assertEquals(403, status(HttpRequest.PUT(path + "/standards/S11-1", Map.of("rag", "RED")), tokens.board("chair", "BOARD_CHAIR")));
        assertEquals(403, status(HttpRequest.PUT(path + "/standards/S11-1/challenge", Map.of("comment", "x")), csc));
        assertEquals(401, status(HttpRequest.GET(path), null));
        assertTrue(call(HttpRequest.GET(path), tokens.board("chair", "BOARD_CHAIR")).get("agency").equals("CSC"));
        List<?> tvpList = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/section11/assessments").bearerAuth(tvp),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(tvpList.stream().noneMatch(a -> "CSC".equals(((Map<?, ?>) a).get("agency"))));
    }

    @Test
    void badInputNamesTheField() {
        String csc = tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
        HttpClientResponseException cycle = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2018")).bearerAuth(csc)));
        assertEquals(HttpStatus.BAD_REQUEST, cycle.getStatus());
        assertTrue(cycle.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"cycle\""));
        Object id = call(HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2015April")), csc).get("id");
        HttpClientResponseException rag = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/api/v1/section11/assessments/" + id + "/standards/S11-1", Map.of("rag", "PURPLE")).bearerAuth(csc)));
        assertTrue(rag.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"rag\""));
        HttpClientResponseException standard = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT("/api/v1/section11/assessments/" + id + "/standards/NOPE", Map.of("rag", "RED")).bearerAuth(csc)));
        assertTrue(standard.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"standard\""));
        assertEquals(409, status(HttpRequest.POST("/api/v1/section11/assessments", Map.of("cycle", "2015April")), csc), "one per cycle");
    }
}
