package uk.org.quadrant.gateway;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class SignInTest {

    @Inject
    @Client("/")
    HttpClient http;

    Browserless browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browserless(http.toBlocking());
    }

    @Test
    void signInPageIsAGovukFormWithACsrfToken() {
        Page page = browser.get("/login");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("class=\"govuk-input"), page.body());
        assertTrue(page.body().contains("<label class=\"govuk-label\" for=\"username\">Username</label>"));
        String cookie = page.setCookie("quadrant_csrf").orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(browser.cookie("quadrant_csrf").orElseThrow(), browser.csrfTokenFrom(page));
    }

    @Test
    void boardChairLandsOnTheBoardHome() {
        Page signedIn = browser.signIn("chair", Browserless.DEMO_PASSWORD);
        assertEquals(303, signedIn.status());
        assertEquals("/", signedIn.location());
        String session = signedIn.setCookie("quadrant_session").orElseThrow();
        assertTrue(session.contains("HTTPOnly") || session.contains("HttpOnly"), session);
        assertTrue(session.contains("SameSite=Lax"), session);
        assertFalse(session.contains("Secure"), "embedded mode runs on plain http: " + session);

        Page home = browser.get("/");
        assertEquals(303, home.status());
        assertEquals("/board", home.location());

        Page board = browser.get("/board");
        assertEquals(200, board.status());
        assertTrue(board.body().contains("Board home"));
        assertTrue(board.body().contains("Board chair"));
        assertTrue(board.body().contains("href=\"/agency/TVP\""), "board sees every agency");
    }

    @Test
    void agencyUserLandsOnTheirAgencyHome() {
        assertEquals(303, browser.signIn("tvp.user", Browserless.DEMO_PASSWORD).status());
        Page home = browser.get("/");
        assertEquals("/agency/TVP", home.location());
        Page agency = browser.get("/agency/TVP");
        assertEquals(200, agency.status());
        assertTrue(agency.body().contains("Thames Valley Police"));
        assertTrue(agency.body().contains("tvp.user"));
        assertTrue(agency.body().contains("Agency contributor"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Page wrongPassword = browser.signIn("tvp.user", "not-the-password");
        Page unknownUser = new Browserless(http.toBlocking()).signIn("no.such.user", "not-the-password");
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        for (Page page : new Page[]{wrongPassword, unknownUser}) {
            assertTrue(page.body().contains("govuk-error-summary"), page.body());
            assertTrue(page.body().contains("Enter a correct username and password"));
            assertTrue(page.setCookie("quadrant_session").isEmpty());
        }
        assertTrue(wrongPassword.body().contains("value=\"tvp.user\""), "the username typed is kept");
        assertEquals(errorSummary(wrongPassword.body()), errorSummary(unknownUser.body()));
    }

    @Test
    void emptyFieldsAreNamedInTheErrorSummary() {
        String token = browser.csrfTokenFrom(browser.get("/login"));
        Page page = browser.postForm("/login", Map.of("username", "", "password", "", "csrfToken", token));
        assertEquals(400, page.status());
        assertTrue(page.body().contains("<a href=\"#username\">Enter your username</a>"), page.body());
        assertTrue(page.body().contains("<a href=\"#password\">Enter your password</a>"));
        assertTrue(page.body().contains("<title>Error: Sign in – Quadrant</title>"));
    }

    @Test
    void signOutClearsTheSessionCookie() {
        browser.signIn("manager", Browserless.DEMO_PASSWORD);
        Page board = browser.get("/board");
        assertEquals(200, board.status());
        Page out = browser.postForm("/logout", Map.of("csrfToken", browser.csrfTokenFrom(board)));
        assertEquals(303, out.status());
        assertEquals("/login?signedOut=true", out.location());
        assertTrue(out.setCookie("quadrant_session").orElseThrow().contains("Max-Age=0"));
        assertEquals(303, browser.get("/board").status(), "signed out: back to sign-in");
        assertTrue(browser.get("/login?signedOut=true").body().contains("You have signed out."));
    }

    @Test
    void anonymousBrowserIsSentToSignIn() {
        Page page = browser.get("/board");
        assertEquals(303, page.status());
        assertEquals("/login", page.location());
    }

    private static String errorSummary(String html) {
        int start = html.indexOf("govuk-error-summary__list");
        return html.substring(start, html.indexOf("</ul>", start));
    }
}
