package uk.org.quadrant.gateway.identity.csrf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 6: a signed-in form's CSRF token is bound to the session. Whoever can plant a
 * cookie for the domain, or holds a session of their own, still cannot make a form post for somebody else.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class CsrfBindingTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AgencyRepository agencies;
    @Inject
    SigningKeyProvider keys;

    @Test
    void aPlantedCsrfCookieWithItsMatchingFieldIsRefusedOnASignedInForm() {
        Browserless attacker = new Browserless(http.toBlocking());
        String planted = attacker.csrfTokenFrom(attacker.get("/login"));
        assertEquals(planted, attacker.cookie("quadrant_csrf").orElseThrow(), "a genuine pre-session pair");

        Browserless victim = signedIn("manager");
        victim.setCookie("quadrant_csrf", planted);
        Page forged = victim.postForm("/admin/agencies", Map.of("csrfToken", planted, "code", "PLANTED", "name", "Planted"));
        assertEquals(403, forged.status(), forged.body());
        assertFalse(agencies.existsById("PLANTED"));
    }

    @Test
    void theTokenOfAnotherSessionIsRefused() {
        Browserless attacker = signedIn("csc.user");
        String theirs = attacker.csrfToken();
        Browserless victim = signedIn("manager");
        assertNotEquals(theirs, victim.csrfToken());
        Page forged = victim.postForm("/admin/agencies", Map.of("csrfToken", theirs, "code", "OTHERS", "name", "Others"));
        assertEquals(403, forged.status());
        assertFalse(agencies.existsById("OTHERS"));
    }

    @Test
    void theGenuineFormPosts() {
        Browserless manager = signedIn("manager");
        String token = manager.csrfTokenFrom(manager.get("/admin/agencies"));
        Page done = manager.postForm("/admin/agencies", Map.of("csrfToken", token, "code", "GENUINE", "name", "Genuine"));
        assertEquals(303, done.status(), done.body());
        assertTrue(agencies.existsById("GENUINE"));
    }

    @Test
    void theSignInFormStillWorksAndTheTokenChangesWithTheSession() {
        Browserless browser = new Browserless(http.toBlocking());
        String before = browser.csrfTokenFrom(browser.get("/login"));
        Page in = browser.postForm("/login", Map.of("username", "chair", "password", Browserless.DEMO_PASSWORD, "csrfToken", before));
        assertEquals(303, in.status());
        String after = browser.csrfToken();
        assertNotEquals(before, after, "signed in, the token is the session's");
        Page out = browser.postForm("/logout", Map.of("csrfToken", before));
        assertEquals(403, out.status(), "the pre-session token does not work for the session");
        assertEquals(303, browser.postForm("/logout", Map.of("csrfToken", after)).status());
    }

    @Test
    void aFormOpenedBeforeTheSessionIsRenewedStillPosts() throws Exception {
        Browserless manager = new Browserless(http.toBlocking());
        manager.setCookie("quadrant_session", ageingSession("manager"));
        Page form = manager.get("/admin/agencies");
        assertEquals(200, form.status());
        assertTrue(form.setCookie("quadrant_session").isPresent(), "renewed while the form was shown");
        Page done = manager.postForm("/admin/agencies", Map.of("csrfToken", manager.csrfTokenFrom(form), "code", "RENEWED",
                "name", "Renewed"));
        assertEquals(303, done.status(), done.body());
    }

    private Browserless signedIn(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    private String ageingSession(String username) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("quadrant-gateway").subject(username)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("roles", List.of("BOARD_MANAGER")).claim("agency", "BOARD")
                .claim("sid", UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.privateKey().getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }
}
