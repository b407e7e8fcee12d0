package uk.org.quadrant.gateway.clients.passthrough;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/{service}/v1/**} reaches the right service's {@code /api/v1/**} over real HTTP with the
 * caller's bearer token and nothing else of theirs; paths that try to step out go nowhere.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiPassThroughTest implements TestPropertyProvider {

    private final ServiceStandIn indicators = new ServiceStandIn()
            .on("/api/v1/scorecard", "[{\"code\":\"LAC\",\"rag\":\"GREEN\"}]")
            .on("/api/v1/values/import", 200, "{\"imported\":2}")
            .on("/api/v1/indicators/NOPE", 404, "{\"status\":404,\"title\":\"Not Found\"}");
    private final ServiceStandIn audits = new ServiceStandIn().on("/api/v1/audits", "[]");
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/plans", 201, "{\"id\":7}");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url());
    }

    @AfterAll
    void stop() {
        indicators.close();
        audits.close();
        actions.close();
    }

    @BeforeEach
    void reset() {
        indicators.clear();
        audits.clear();
        actions.clear();
        indicators.recover();
    }

    private String token(String username) {
        Map<?, ?> body = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("username", username, "password", "test-password-for-demo-users")), Map.class);
        return body.get("access_token").toString();
    }

    @Test
    void aReadGoesToTheNamedServiceWithTheQueryAndTheCallersToken() {
        String token = token("csc.user");
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/api/indicators/v1/scorecard?period=2017April&agency=CSC")
                .bearerAuth(token).cookie(io.micronaut.http.cookie.Cookie.of("other", "x")), String.class);
        assertEquals(200, response.code());
        assertTrue(response.body().contains("\"LAC\""), response.body());
        ServiceStandIn.Request got = indicators.received().get(0);
        assertEquals("GET", got.method());
        assertEquals("/api/v1/scorecard?period=2017April&agency=CSC", got.pathAndQuery());
        assertEquals("Bearer " + token, got.header("Authorization"));
        assertNull(got.header("Cookie"), "the caller's cookies stay at the gateway");
        assertTrue(audits.received().isEmpty() && actions.received().isEmpty());
    }

    @Test
    void aWriteIsPassedOnOnceWithItsBodyAndTheServicesStatus() {
        String token = token("manager");
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/api/actions/v1/plans",
                "{\"title\":\"JTAI\"}").contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token), String.class);
        assertEquals(201, response.code());
        assertEquals(1, actions.received().size());
        assertEquals("{\"title\":\"JTAI\"}", actions.received().get(0).body());
    }

    @Test
    void aCsvImportWithABearerTokenNeedsNoCsrfToken() {
        String token = token("csc.lead");
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST("/api/indicators/v1/values/import?format=quadrant",
                "indicator,period,agency,value\nLAC,2017April,CSC,1\n").contentType("text/csv").bearerAuth(token), String.class);
        assertEquals(200, response.code());
        assertTrue(indicators.received().get(0).body().startsWith("indicator,period"));
    }

    @Test
    void theServicesRefusalsComeBackAsTheyAre() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/indicators/v1/indicators/NOPE").bearerAuth(token("csc.user")), String.class));
        assertEquals(404, e.getStatus().getCode());
    }

    @Test
    void withoutABearerTokenNothingIsPassedOn() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/indicators/v1/scorecard").accept(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals(401, e.getStatus().getCode());
        assertTrue(indicators.received().isEmpty());
    }

    @Test
    void aForgedTokenIsRefusedAtTheGateway() {
        String token = token("csc.user");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/indicators/v1/scorecard").bearerAuth(forged), String.class));
        assertEquals(401, e.getStatus().getCode());
        assertTrue(indicators.received().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/indicators/v1/../v1/scorecard", "/api/indicators/v1/%2e%2e/admin", 
            "/api/INDICATORS/v1/scorecard", "/api/nothing/v1/scorecard", "/api/indicators/v1/x%2fy", "/api/indicators/v2/scorecard"})
    void pathsThatTryToStepOutGoNowhere(String path) {
        String token = token("csc.user");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET(path).bearerAuth(token), String.class));
        assertTrue(e.getStatus().getCode() == 404 || e.getStatus().getCode() == 400, path + " -> " + e.getStatus());
        assertTrue(indicators.received().stream().noneMatch(r -> !r.pathAndQuery().startsWith("/api/v1/scorecard")),
                "nothing but the scorecard may ever reach the service: " + indicators.received());
    }

    @Test
    void aServiceThatIsDownIsA503Problem() {
        indicators.failWith(503);
        HttpResponse<String> response;
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/indicators/v1/scorecard").bearerAuth(token("chair")), String.class));
        assertEquals(503, e.getStatus().getCode());
    }
}
