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
    void theRemindersFormNeedsTheTokenLikeEveryOther() {
        browser.signIn("csc.user", Browserless.DEMO_PASSWORD);
        Page refused = browser.postForm("/account/reminders", Map.of("RETURNS_DUE", "WEEKLY_DIGEST", "VALUE_RETURNED", "WEEKLY_DIGEST"));
        assertEquals(403, refused.status());
        Page saved = browser.postForm("/account/reminders", Map.of("RETURNS_DUE", "WEEKLY_DIGEST", "VALUE_RETURNED", "WEEKLY_DIGEST",
                "csrfToken", browser.csrfToken()));
        assertEquals(303, saved.status(), saved.body());
    }

    @Test
    void onlyTheUnsubscribeLinkGoesWithoutAToken() {
        // No cookie, no token: the CSRF filter lets it through, and the route itself refuses an unsigned link.
        Page unsigned = browser.postForm("/notifications/unsubscribe?t=forged", Map.of("List-Unsubscribe", "One-Click"));
        assertEquals(400, unsigned.status(), unsigned.body());
        assertTrue(unsigned.body().contains("This link is not valid"));
        Page other = browser.postForm("/logout?t=forged", Map.of("List-Unsubscribe", "One-Click"));
        assertEquals(403, other.status(), "every other post still needs the token");
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
