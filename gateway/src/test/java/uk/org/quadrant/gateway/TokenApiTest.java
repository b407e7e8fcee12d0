package uk.org.quadrant.gateway;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class TokenApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void credentialsBuyABearerTokenVerifiableWithThePublishedJwks() throws Exception {
        HttpResponse<Map<String, Object>> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "tvp.lead", "password", "test-password-for-demo-users")),
                Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        Map<String, Object> body = response.body();
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(900, ((Number) body.get("expires_in")).intValue());

        String jwksJson = http.toBlocking().retrieve("/.well-known/jwks.json");
        JWKSet jwks = JWKSet.parse(jwksJson);
        assertEquals(1, jwks.getKeys().size());
        RSAKey published = (RSAKey) jwks.getKeys().get(0);
        assertFalse(published.isPrivate(), "the JWKS must never publish the private key");
        assertFalse(jwksJson.contains("\"d\""));

        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(published.getKeyID(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(published)));
        assertEquals("quadrant-gateway", jwt.getJWTClaimsSet().getIssuer());
        assertEquals("tvp.lead", jwt.getJWTClaimsSet().getSubject());
        assertEquals("TVP", jwt.getJWTClaimsSet().getStringClaim("agency"));
        assertEquals(List.of("AGENCY_LEAD"), jwt.getJWTClaimsSet().getStringListClaim("roles"));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now().plusSeconds(800)));
        assertNull(jwt.getJWTClaimsSet().getClaim("password_hash"));
    }

    @Test
    void wrongPasswordIs401ProblemJson() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "tvp.lead", "password", "nope"))));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "nobody", "password", "nope"))));
        assertEquals(e.getResponse().getBody(String.class).orElseThrow().replaceAll("\"instance\":\"[^\"]*\"", ""),
                unknown.getResponse().getBody(String.class).orElseThrow().replaceAll("\"instance\":\"[^\"]*\"", ""),
                "unknown user and wrong password are indistinguishable");
    }

    @Test
    void missingFieldIs400NamingIt() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "tvp.lead"))));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"password\""), body);
    }

    @Test
    void malformedJsonIs400WithoutAStackTrace() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", "{\"username\": ").contentType("application/json")));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertFalse(body.contains("at io.micronaut"), body);
        assertFalse(body.contains("Exception"), body);
    }

    @Test
    void bearerTokenOpensTheApiButNotWithoutIt() {
        String token = (String) http.toBlocking().retrieve(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "chair", "password", "test-password-for-demo-users")),
                Argument.mapOf(String.class, Object.class)).get("access_token");
        Map<String, Object> me = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        assertEquals("chair", me.get("username"));
        assertEquals("BOARD", me.get("agency"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me")));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }
}
