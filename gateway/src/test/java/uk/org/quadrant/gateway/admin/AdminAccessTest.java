package uk.org.quadrant.gateway.admin;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin is the board manager's alone: the chair and agency users are refused (403) on every admin
 * page and every admin form post, and see no link to it; a post without the CSRF token is refused
 * even for the manager. No service runs here (the test configuration points them at a closed port),
 * so a page that needs one says plainly that it is not answering.
 */
@MicronautTest(transactional = false)
class AdminAccessTest {

    static final List<String> GETS = List.of("/admin", "/admin/users", "/admin/users/new", "/admin/users/csc.lead",
            "/admin/users/csc.lead/password", "/admin/agencies", "/admin/agencies/CSC", "/admin/changes",
            "/admin/indicators", "/admin/indicators/new", "/admin/indicators/MASH-TIMELINESS",
            "/admin/indicators/MASH-TIMELINESS/figures", "/admin/themes", "/admin/themes/NEGLECT");
    static final List<String> POSTS = List.of("/admin/users", "/admin/users/csc.lead", "/admin/users/csc.lead/enabled",
            "/admin/users/csc.lead/password", "/admin/agencies", "/admin/agencies/CSC", "/admin/indicators",
            "/admin/indicators/MASH-TIMELINESS", "/admin/indicators/MASH-TIMELINESS/figures",
            "/admin/indicators/MASH-TIMELINESS/figures/remove", "/admin/themes", "/admin/themes/NEGLECT");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    UserAccountRepository users;
    @Inject
    AgencyRepository agencies;

    private Browserless signedIn(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chair", "csc.lead", "tvp.user", "board.lead"})
    void everyoneButTheManagerIsRefusedEveryAdminPageAndForm(String username) {
        Browserless browser = signedIn(username);
        for (String path : GETS) {
            assertEquals(403, browser.get(path).status(), username + " GET " + path);
        }
        for (String path : POSTS) {
            Page page = Forms.post(browser, path, "username", "intruder." + username.replace(".", ""), "displayName", "Intruder",
                    "agencyCode", "CSC", "roles", "BOARD_MANAGER", "password", "a long enough password", "confirmPassword",
                    "a long enough password", "version", "0", "enabled", "false", "code", "INTRUDER", "name", "Intruder",
                    "label", "Intruder", "kind", "TARGET", "period", "2017April", "value", "1");
            assertEquals(403, page.status(), username + " POST " + path);
            assertFalse(page.body().contains("This form has expired"), "refused for the role, not for the token: " + path);
        }
        assertTrue(users.findByUsername("intruder." + username.replace(".", "")).isEmpty(), "no user was added");
        assertTrue(users.findByUsername("csc.lead").orElseThrow().enabled(), "no one was disabled");
        assertFalse(agencies.existsById("INTRUDER"), "no agency was added");
        assertEquals("Children's Social Care", agencies.findById("CSC").orElseThrow().name(), "no agency was renamed");
    }

    @Test
    void onlyTheManagerSeesTheAdminLink() {
        assertFalse(signedIn("chair").get("/board").body().contains("href=\"/admin\""), "the chair sees no admin link");
        assertFalse(signedIn("csc.lead").get("/agency/CSC").body().contains("href=\"/admin\""));
        Page managerPage = signedIn("manager").get("/board");
        assertTrue(managerPage.body().contains("href=\"/admin\""), managerPage.body());
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        Page page = new Browserless(http.toBlocking()).get("/admin/users");
        assertEquals(303, page.status());
        assertTrue(page.location().startsWith("/login"), page.location());
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedEvenForTheManager() {
        Browserless manager = signedIn("manager");
        Page noToken = Forms.postWithToken(manager, "/admin/users", null, "username", "csrf.victim", "displayName", "Victim",
                "agencyCode", "CSC", "roles", "AGENCY_LEAD", "password", "a long enough password");
        assertEquals(403, noToken.status());
        Page forged = Forms.postWithToken(manager, "/admin/agencies", "forged-elsewhere", "code", "FORGED", "name", "Forged");
        assertEquals(403, forged.status());
        assertTrue(users.findByUsername("csrf.victim").isEmpty());
        assertFalse(agencies.existsById("FORGED"));
    }

    @Test
    void theAdminHomeLinksEverySection() {
        Page home = signedIn("manager").get("/admin");
        assertEquals(200, home.status());
        for (String link : List.of("/admin/users", "/admin/agencies", "/admin/indicators", "/admin/themes", "/admin/changes")) {
            assertTrue(home.body().contains("href=\"" + link + "\""), link);
        }
    }

    @Test
    void aServiceThatIsDownGivesAClearMessage() {
        Browserless manager = signedIn("manager");
        Page list = manager.get("/admin/indicators");
        assertEquals(503, list.status());
        assertTrue(list.body().contains("indicators-service is not answering"), list.body());
        Page themes = manager.get("/admin/themes");
        assertEquals(503, themes.status());
        assertTrue(themes.body().contains("audits-service is not answering"));

        Page addIndicator = Forms.post(manager, "/admin/indicators", "code", "NEW-ONE", "title", "New", "unit", "COUNT",
                "polarity", "NEUTRAL", "frequency", "CALENDAR_YEAR", "ownerAgency", "CSC", "priority", "1");
        assertEquals(503, addIndicator.status());
        assertTrue(addIndicator.body().contains("indicators-service did not answer, so we cannot confirm your changes were saved. Nothing was sent twice"),
                addIndicator.body());
        assertTrue(addIndicator.body().contains("value=\"NEW-ONE\""), "what was typed is kept");

        Page addTheme = Forms.post(manager, "/admin/themes", "code", "HOUSING", "label", "Housing");
        assertEquals(503, addTheme.status());
        assertTrue(addTheme.body().contains("audits-service did not answer, so we cannot confirm your changes were saved"));
        assertTrue(addTheme.body().contains("value=\"Housing\""));

        assertEquals(200, manager.get("/admin/users").status(), "the gateway's own pages do not need a service");
    }
}
