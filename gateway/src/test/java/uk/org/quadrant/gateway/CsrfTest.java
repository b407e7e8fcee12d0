package uk.org.quadrant.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every form post must carry the token from the CSRF cookie. */
@MicronautTest
class CsrfTest {

    @Inject
    @Client("/")
    HttpClient http;

    Browserless browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browserless(http.toBlocking());
    }

    @Test
    void signInWithoutTheTokenIsRefused() {
        browser.get("/login");
        Page page = browser.postForm("/login", Map.of("username", "chair", "password", Browserless.DEMO_PASSWORD));
        assertEquals(403, page.status());
        assertTrue(page.setCookie("quadrant_session").isEmpty());
        assertTrue(page.body().contains("This form has expired"), page.body());
    }

    @Test
    void signInWithAForgedTokenIsRefused() {
        browser.get("/login");
        Page page = browser.postForm("/login", Map.of("username", "chair", "password", Browserless.DEMO_PASSWORD,
                "csrfToken", "forged-by-another-site"));
        assertEquals(403, page.status());
        assertTrue(page.setCookie("quadrant_session").isEmpty());
    }

    @Test
    void signInWithoutTheCookieIsRefusedEvenWithAToken() {
        Page page = new Browserless(http.toBlocking()).postForm("/login", Map.of("username", "chair",
                "password", Browserless.DEMO_PASSWORD, "csrfToken", browser.csrfTokenFrom(browser.get("/login"))));
        assertEquals(403, page.status());
    }

    @Test
    void signOutWithoutTheTokenIsRefusedAndTheSessionSurvives() {
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        Page out = browser.postForm("/logout", Map.of());
        assertEquals(403, out.status());
        assertEquals(200, browser.get("/board").status());
    }

    @Test
    void aSimpleCrossSiteContentTypeCannotSlipPast() {
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        Page out = browser.send(HttpRequest.POST("/logout", "csrfToken=x").contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(403, out.status());
    }

    @Test
    void theHeaderFormIsAcceptedForScriptedForms() {
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        String token = browser.csrfToken();
        Page out = browser.send(HttpRequest.POST("/logout", "").contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("X-CSRF-Token", token));
        assertEquals(303, out.status());
    }
}
