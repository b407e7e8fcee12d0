package uk.org.quadrant.common.testing.contracts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error a service gives is application/problem+json with the field it concerns and never a stack trace.
 *
 * <p>Each service runs it through a one-line subclass annotated {@code @MicronautTest} (JUnit runs the
 * tests of the module's own classes, not those of this jar).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProblemJsonContract implements TestPropertyProvider {

    protected final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    protected HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
    }

    @Test
    void outOfRangeParameterIsA400NamingTheField() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/change-log?limit=100000").bearerAuth(tokens.board("manager", "BOARD_MANAGER"))));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"status\":400"), body);
        assertTrue(body.contains("\"errors\":[{\"field\":\"limit\","), body);
    }

    @Test
    void unconvertibleParameterIsA400NamingTheField() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/change-log?limit=lots").bearerAuth(tokens.board("manager", "BOARD_MANAGER"))));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"limit\""), body);
        assertFalse(body.contains("Exception"), body);
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/no-such-thing").bearerAuth(tokens.board("manager", "BOARD_MANAGER"))));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }
}
