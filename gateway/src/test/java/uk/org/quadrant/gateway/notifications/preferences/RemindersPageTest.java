package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "E-mail reminders" over real HTTP, for each role: what is offered, what is saved, what is refused. */
@MicronautTest(transactional = false)
class RemindersPageTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    UserAccountRepository users;
    @Inject
    ReminderPreferences preferences;

    private Browserless signedIn(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    static Page post(Browserless browser, String path, String token, String... pairs) {
        List<String> parts = new ArrayList<>();
        if (token != null) {
            parts.add("csrfToken=" + enc(token));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
        }
        return browser.send(HttpRequest.POST(path, String.join("&", parts))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Delivery stored(String username, ReminderKind kind) {
        return preferences.of(users.findByUsername(username).orElseThrow()).get(kind);
    }

    @Test
    void aContributorSeesTheirAddressAndOnlyTheReturnsKindsWithoutNotAtAllForStatutoryOnes() {
        Browserless user = signedIn("csc.user");
        Page page = user.get("/account/reminders");
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<h1 class=\"govuk-heading-l\">E-mail reminders</h1>"), body);
        assertTrue(body.contains("csc.user@example.org"), "their address, read-only");
        assertTrue(body.contains("ask the board manager to change it"));
        assertFalse(body.contains("name=\"email\""), "not editable here");
        assertTrue(body.contains("name=\"RETURNS_DUE\""));
        assertTrue(body.contains("name=\"VALUE_RETURNED\""));
        assertFalse(body.contains("name=\"DRAFT_READY\""), "drafts ready are the leads'");
        assertFalse(body.contains("name=\"ACTIONS\""));
        assertFalse(body.contains("name=\"BOARD_DIGEST\""));
        assertFalse(body.contains("value=\"OFF\""), "both kinds are statutory: no 'Not at all'");
        assertTrue(body.contains("you cannot switch them off"), "and the page says why");
        assertTrue(body.contains("value=\"IMMEDIATE\" checked"), "as it happens without a choice");
        assertTrue(body.contains("href=\"/account/reminders\""), "linked from the header");
    }

    @Test
    void aLeadChoosesADigestAndNotAtAllAndSeesTheBanner() {
        Browserless lead = signedIn("tvp.lead");
        Page page = lead.get("/account/reminders");
        assertTrue(page.body().contains("name=\"DRAFT_READY\""), page.body());
        assertTrue(page.body().contains("name=\"ACTIONS\""));
        assertTrue(page.body().contains("value=\"OFF\""), "non-statutory kinds can be switched off");
        assertFalse(page.body().contains("name=\"BOARD_DIGEST\""));
        Page saved = post(lead, "/account/reminders", lead.csrfTokenFrom(page), "RETURNS_DUE", "WEEKLY_DIGEST",
                "VALUE_RETURNED", "IMMEDIATE", "DRAFT_READY", "OFF", "ACTIONS", "WEEKLY_DIGEST");
        assertEquals(303, saved.status(), saved.body());
        Page after = lead.get(saved.location());
        assertTrue(after.body().contains("Your e-mail reminders are saved."), after.body());
        assertTrue(after.body().contains("id=\"RETURNS_DUE-WEEKLY_DIGEST\" value=\"WEEKLY_DIGEST\" checked")
                || after.body().contains("value=\"WEEKLY_DIGEST\" checked"), after.body());
        assertEquals(Delivery.WEEKLY_DIGEST, stored("tvp.lead", ReminderKind.RETURNS_DUE));
        assertEquals(Delivery.OFF, stored("tvp.lead", ReminderKind.DRAFT_READY));
        assertEquals(Delivery.WEEKLY_DIGEST, stored("tvp.lead", ReminderKind.ACTIONS));
        assertEquals(Delivery.IMMEDIATE, stored("tvp.lead", ReminderKind.VALUE_RETURNED));

        Browserless manager = signedIn("manager");
        String changes = manager.get("/admin/changes").body();
        assertTrue(changes.contains("RETURNS_DUE=IMMEDIATE"), "old value in the change log: " + changes);
        assertTrue(changes.contains("RETURNS_DUE=WEEKLY_DIGEST"), "new value in the change log");
        assertTrue(changes.contains("DRAFT_READY=OFF"));
    }

    @Test
    void aStatutoryKindCannotBeSwitchedOffAndAMissingChoiceIsNamed() {
        Browserless user = signedIn("edu.user");
        Page page = user.get("/account/reminders");
        Page refused = post(user, "/account/reminders", user.csrfTokenFrom(page), "RETURNS_DUE", "OFF");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("govuk-error-summary"));
        assertTrue(refused.body().contains("href=\"#RETURNS_DUE\""), "the summary links to the group");
        assertTrue(refused.body().contains("id=\"RETURNS_DUE-error\""), "an inline error on the group");
        assertTrue(refused.body().contains("You cannot switch off these reminders"), refused.body());
        assertTrue(refused.body().contains("href=\"#VALUE_RETURNED\""), "the one not answered is named");
        assertTrue(refused.body().contains("<title>Error: E-mail reminders"));
        assertEquals(Delivery.IMMEDIATE, stored("edu.user", ReminderKind.RETURNS_DUE), "nothing saved");
    }

    @Test
    void theChairSetsTheirOwnBoardDigest() {
        Browserless chair = signedIn("chair");
        Page page = chair.get("/account/reminders");
        assertTrue(page.body().contains("name=\"BOARD_DIGEST\""), page.body());
        assertFalse(page.body().contains("name=\"RETURNS_DUE\""), "no agency returns for the chair");
        Page saved = post(chair, "/account/reminders", chair.csrfTokenFrom(page), "BOARD_DIGEST", "OFF");
        assertEquals(303, saved.status(), saved.body());
        assertEquals(Delivery.OFF, stored("chair", ReminderKind.BOARD_DIGEST));
    }

    @Test
    void theChoicesAreAlwaysTheSignedInPersonsNeverTheFormsUsername() {
        Browserless user = signedIn("oh.user");
        Page page = user.get("/account/reminders");
        Page saved = post(user, "/account/reminders", user.csrfTokenFrom(page), "username", "oh.lead",
                "RETURNS_DUE", "WEEKLY_DIGEST", "VALUE_RETURNED", "WEEKLY_DIGEST", "DRAFT_READY", "OFF");
        assertEquals(303, saved.status(), saved.body());
        assertEquals(Delivery.WEEKLY_DIGEST, stored("oh.user", ReminderKind.RETURNS_DUE));
        assertEquals(Delivery.IMMEDIATE, stored("oh.lead", ReminderKind.RETURNS_DUE), "the named user untouched");
        assertEquals(Delivery.IMMEDIATE, stored("oh.user", ReminderKind.DRAFT_READY), "a kind not offered is not saved");
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() {
        Browserless user = signedIn("ph.user");
        user.get("/account/reminders");
        Page refused = post(user, "/account/reminders", null, "RETURNS_DUE", "WEEKLY_DIGEST", "VALUE_RETURNED", "WEEKLY_DIGEST");
        assertEquals(403, refused.status());
        Page forged = post(user, "/account/reminders", "forged", "RETURNS_DUE", "WEEKLY_DIGEST", "VALUE_RETURNED", "WEEKLY_DIGEST");
        assertEquals(403, forged.status());
        assertEquals(Delivery.IMMEDIATE, stored("ph.user", ReminderKind.RETURNS_DUE));
    }

    @Test
    void signedOutThePageAsksForSignIn() {
        Page page = new Browserless(http.toBlocking()).get("/account/reminders");
        assertTrue(page.status() == 302 || page.status() == 303, "redirect: " + page.status());
        assertTrue(page.location().startsWith("/login"), page.location());
    }
}
