package uk.org.quadrant.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SessionRenewalTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    SigningKeyProvider keys;
    @Inject
    UserAccountRepository users;

    @Test
    void aFreshSessionIsLeftAlone() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("oh.user", Browserless.DEMO_PASSWORD);
        Page page = browser.get("/agency/OH");
        assertEquals(200, page.status());
        assertTrue(page.setCookie("quadrant_session").isEmpty());
    }

    @Test
    void anAgeingSessionIsRenewedForAnEnabledUser() throws Exception {
        Browserless browser = new Browserless(http.toBlocking());
        String old = ageingToken("oh.user", "OH", "AGENCY_CONTRIBUTOR");
        browser.setCookie("quadrant_session", old);
        Page page = browser.get("/agency/OH");
        assertEquals(200, page.status());
        String renewed = page.setCookie("quadrant_session").orElseThrow();
        assertTrue(renewed.contains("Max-Age=900"), renewed);
        assertTrue(!browser.cookie("quadrant_session").orElseThrow().equals(old));
    }

    @Test
    void anAgeingSessionOfADisabledUserIsEnded() throws Exception {
        UserAccount user = users.findByUsername("ouh.user").orElseThrow();
        users.update(new UserAccount(user.id(), user.username(), user.displayName(), user.agencyCode(), user.roles(),
                user.passwordHash(), false, user.version(), user.createdAt(), Instant.now()));
        try {
            Browserless browser = new Browserless(http.toBlocking());
            browser.setCookie("quadrant_session", ageingToken("ouh.user", "OUH", "AGENCY_CONTRIBUTOR"));
            Page page = browser.get("/agency/OUH");
            assertTrue(page.setCookie("quadrant_session").orElseThrow().contains("Max-Age=0"));
            assertEquals(303, browser.get("/agency/OUH").status(), "the next page asks them to sign in");
        } finally {
            UserAccount current = users.findByUsername("ouh.user").orElseThrow();
            users.update(new UserAccount(current.id(), current.username(), current.displayName(), current.agencyCode(),
                    current.roles(), current.passwordHash(), true, current.version(), current.createdAt(), Instant.now()));
        }
    }

    private String ageingToken(String username, String agency, String role) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("quadrant-gateway").subject(username)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("roles", List.of(role)).claim("agency", agency)
                .claim("sid", java.util.UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.privateKey().getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }
}
