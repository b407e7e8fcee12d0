package uk.org.quadrant.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The gateway validates its own tokens as strictly as the services do: as bearer and as cookie. */
@MicronautTest
class GatewayTokenValidationTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SigningKeyProvider keys;

    @Test
    void aCorrectTokenIsAccepted() throws Exception {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/me").bearerAuth(sign(keys.privateKey(), claims("quadrant-gateway", Duration.ofMinutes(5))))).getStatus());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        assertRefused(sign(keys.privateKey(), claims("quadrant-gateway", Duration.ofSeconds(-60))));
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        assertRefused(sign(keys.privateKey(), claims("https://evil.example", Duration.ofMinutes(5))));
    }

    @Test
    void anotherKeyWithTheSameKidIsRefused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID(keys.privateKey().getKeyID()).generate();
        assertRefused(sign(forger, claims("quadrant-gateway", Duration.ofMinutes(5))));
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String good = sign(keys.privateKey(), claims("quadrant-gateway", Duration.ofMinutes(5)));
        String[] parts = good.split("\\.");
        String escalated = new JWTClaimsSet.Builder(claims("quadrant-gateway", Duration.ofMinutes(5)))
                .claim("roles", List.of("BOARD_MANAGER")).build().toString();
        assertRefused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(escalated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        assertRefused(b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims("quadrant-gateway", Duration.ofMinutes(5)).toString().getBytes(StandardCharsets.UTF_8)) + ".");
    }

    @Test
    void aForgedSessionCookieDoesNotOpenPages() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID(keys.privateKey().getKeyID()).generate();
        Browserless browser = new Browserless(http.toBlocking());
        browser.setCookie("quadrant_session", sign(forger, claims("quadrant-gateway", Duration.ofMinutes(5))));
        Browserless.Page page = browser.get("/board");
        assertEquals(303, page.status());
        assertEquals("/login", page.location());
    }

    private void assertRefused(String token) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token)));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    private static JWTClaimsSet claims(String issuer, Duration ttl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("chair")
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", List.of("BOARD_CHAIR"))
                .claim("agency", "BOARD")
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
