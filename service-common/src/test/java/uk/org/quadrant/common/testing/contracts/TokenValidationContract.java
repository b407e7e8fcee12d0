package uk.org.quadrant.common.testing.contracts;

import uk.org.quadrant.common.testing.support.WithTestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gateway's tokens as every service must judge them: a valid one is read, a missing, forged, expired or
 * wrongly issued one is refused.
 *
 * <p>Each service runs it through a one-line subclass annotated {@code @MicronautTest} (JUnit runs the
 * tests of the module's own classes, not those of this jar).
 */
public abstract class TokenValidationContract extends WithTestTokens {

    @Test
    void validTokenIsAcceptedAndClaimsAreRead() {
        Map<String, Object> me = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/me").bearerAuth(tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR")),
                Argument.mapOf(String.class, Object.class));
        assertEquals("tvp.user", me.get("username"));
        assertEquals("TVP", me.get("agency"));
        assertEquals(List.of("AGENCY_CONTRIBUTOR"), me.get("roles"));
    }

    @Test
    void requestWithoutTokenIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/v1/me"));
    }

    @Test
    void expiredTokenIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED,
                HttpRequest.GET("/api/v1/me").bearerAuth(tokens.expired("tvp.user", "TVP", "AGENCY_CONTRIBUTOR")));
    }

    @Test
    void tamperedTokenIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED,
                HttpRequest.GET("/api/v1/change-log").bearerAuth(tokens.tampered("tvp.user", "TVP")));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED,
                HttpRequest.GET("/api/v1/me").bearerAuth(tokens.wrongIssuer("tvp.user", "TVP", "AGENCY_CONTRIBUTOR")));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED,
                HttpRequest.GET("/api/v1/me").bearerAuth(tokens.signedByForeignKey("chair", null, "BOARD_CHAIR")));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertStatus(HttpStatus.UNAUTHORIZED,
                HttpRequest.GET("/api/v1/change-log").bearerAuth(tokens.unsigned("manager", "BOARD_MANAGER")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA"})
    void garbageTokenIsRefused(String token) {
        assertStatus(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/v1/me").bearerAuth(token));
    }

    @Test
    void agencyUserCannotReadTheBoardAuditTrail() {
        assertStatus(HttpStatus.FORBIDDEN,
                HttpRequest.GET("/api/v1/change-log").bearerAuth(tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD")));
    }

    @Test
    void healthIsOpenForProbes() {
        assertEquals(HttpStatus.OK, client.toBlocking().exchange("/health/liveness").getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange("/health/readiness").getStatus());
    }

    private void assertStatus(HttpStatus expected, HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request));
        assertEquals(expected, e.getStatus());
    }
}
