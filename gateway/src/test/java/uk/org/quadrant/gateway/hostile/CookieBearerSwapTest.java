package uk.org.quadrant.gateway.hostile;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, widening the hostile tests: tokens swapped between the session cookie and the
 * {@code Authorization} header. Every token that must not sign anybody in, in either place, leaves the
 * caller signed out: a page redirects to the sign-in page, the gateway's API and the pass-through
 * answer 401. And a cookie of one user beside a bearer token of another is the bearer's request only.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class CookieBearerSwapTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    SigningKeyProvider keys;

    /** Tokens that must open nothing where they are sent; name → token. */
    private Map<String, String> refusedAsCookie() throws Exception {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("an API token", apiToken("chair"));
        t.put("a signed-out user's session", signedOutSession("chair"));
        t.put("an expired session", sign(keys.privateKey(), claims("chair", "quadrant-gateway", Duration.ofSeconds(-60), true)));
        t.put("a session signed by a foreign key with our kid", sign(foreignKey(), claims("chair", "quadrant-gateway", Duration.ofMinutes(5), true)));
        t.put("a session of another issuer", sign(keys.privateKey(), claims("chair", "https://evil.example", Duration.ofMinutes(5), true)));
        t.put("a session token without a session id", sign(keys.privateKey(), claims("chair", "quadrant-gateway", Duration.ofMinutes(5), false)));
        return t;
    }

    private Map<String, String> refusedAsBearer() throws Exception {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("a session token", session("chair"));
        t.put("an API token from before \"sign out of all other sessions\"", signedOutApiToken("chair"));
        t.put("an expired API token", sign(keys.privateKey(), claims("chair", "quadrant-gateway", Duration.ofSeconds(-60), false)));
        t.put("an API token signed by a foreign key with our kid", sign(foreignKey(), claims("chair", "quadrant-gateway", Duration.ofMinutes(5), false)));
        t.put("an API token of another issuer", sign(keys.privateKey(), claims("chair", "https://evil.example", Duration.ofMinutes(5), false)));
        return t;
    }

    @TestFactory
    List<DynamicTest> asTheSessionCookieNothingButASessionSignsIn() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        refusedAsCookie().forEach((name, token) -> tests.add(DynamicTest.dynamicTest(name + " as the cookie", () -> {
            Browserless browser = new Browserless(http.toBlocking());
            browser.setCookie("quadrant_session", token);
            Browserless.Page page = browser.get("/board");
            assertEquals(303, page.status(), name + ": " + page);
            assertTrue(page.location().startsWith("/login"), page.location());
            assertEquals(401, status(HttpRequest.GET("/api/v1/me").cookie(Cookie.of("quadrant_session", token))), name);
        })));
        return tests;
    }

    @TestFactory
    List<DynamicTest> asTheBearerNothingButAnApiTokenSignsIn() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        refusedAsBearer().forEach((name, token) -> tests.add(DynamicTest.dynamicTest(name + " as the bearer", () -> {
            assertEquals(401, status(HttpRequest.GET("/api/v1/me").bearerAuth(token)), name + " at the gateway's API");
            assertEquals(401, status(HttpRequest.GET("/api/indicators/v1/scorecard").bearerAuth(token)), name + " at the pass-through");
        })));
        return tests;
    }

    @Test
    void aCookieOfOneUserBesideABearerOfAnotherIsTheBearersRequest() throws Exception {
        String chairCookie = session("chair");
        String cscBearer = apiToken("csc.user");
        String body = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(cscBearer)
                .cookie(Cookie.of("quadrant_session", chairCookie)), String.class);
        assertTrue(body.contains("\"username\":\"csc.user\""), body);
        assertEquals(403, status(HttpRequest.GET("/board").accept(MediaType.TEXT_HTML_TYPE).bearerAuth(cscBearer)
                .cookie(Cookie.of("quadrant_session", chairCookie))), "the chair's cookie lends the bearer nothing");
    }

    @Test
    void aValidCookieDoesNotRescueABadBearer() throws Exception {
        String chairCookie = session("chair");
        assertEquals(401, status(HttpRequest.GET("/api/v1/me").bearerAuth("not-a-token")
                .cookie(Cookie.of("quadrant_session", chairCookie))));
    }

    @Test
    void anAgeingCookieBesideAnotherUsersBearerIsNotRenewedAsThatUser() throws Exception {
        JWTClaimsSet ageing = new JWTClaimsSet.Builder(claims("chair", "quadrant-gateway", Duration.ofMinutes(5), true))
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))).build();
        String chairCookie = sign(keys.privateKey(), ageing);
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/me").bearerAuth(apiToken("csc.user"))
                .cookie(Cookie.of("quadrant_session", chairCookie));
        var response = http.toBlocking().exchange(request, String.class);
        assertFalse(response.getHeaders().getAll("Set-Cookie").stream().anyMatch(c -> c.startsWith("quadrant_session=")),
                "no session cookie is minted from the bearer's identity");
    }

    // ---- tokens -------------------------------------------------------------------------------------

    private String apiToken(String username) {
        Map<?, ?> body = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("username", username, "password", Browserless.DEMO_PASSWORD)), Map.class);
        return body.get("access_token").toString();
    }

    private String session(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser.cookie("quadrant_session").orElseThrow();
    }

    /** Signs in, keeps a copy of the cookie, signs out (which ends every session and token of the user issued before). */
    private String signedOutSession(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(username, Browserless.DEMO_PASSWORD);
        String copy = browser.cookie("quadrant_session").orElseThrow();
        assertEquals(303, browser.postForm("/logout", Map.of("csrfToken", browser.csrfToken())).status());
        return copy;
    }

    /**
     * Issue 19: sign-out ends that browser session only; "sign out of all other sessions" is what ends the
     * API tokens too.
     */
    private String signedOutApiToken(String username) {
        String token = apiToken(username);
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(username, Browserless.DEMO_PASSWORD);
        assertEquals(303, browser.postForm("/account/sessions/end-others", Map.of("csrfToken", browser.csrfToken())).status());
        return token;
    }

    private static RSAKey foreignKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID("foreign").generate();
    }

    private JWTClaimsSet claims(String username, String issuer, Duration ttl, boolean session) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).subject(username)
                .issueTime(Date.from(now.minusSeconds(5))).notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.plus(ttl))).claim("roles", List.of("BOARD_CHAIR")).claim("agency", "BOARD");
        if (session) {
            b.claim("sid", UUID.randomUUID().toString());
        }
        return b.build();
    }

    private String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        String kid = key.getKeyID().equals("foreign") ? keys.privateKey().getKeyID() : key.getKeyID();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            if (!request.getHeaders().contains("Accept")) {
                request.accept(MediaType.APPLICATION_JSON_TYPE);
            }
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
