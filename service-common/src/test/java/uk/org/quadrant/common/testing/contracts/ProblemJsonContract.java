package uk.org.quadrant.common.testing.contracts;

import uk.org.quadrant.common.testing.support.WithTestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

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
public abstract class ProblemJsonContract extends WithTestTokens {

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
