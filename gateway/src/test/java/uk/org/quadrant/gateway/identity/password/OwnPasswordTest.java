package uk.org.quadrant.gateway.identity.password;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Change your password" over real HTTP (ASVS 5.0 6.2.2, 6.2.3): the current password is required and
 * throttled, the new one meets the rules, the other sessions end and this one goes on, the change log
 * says so without the password. Each test makes its own person, so the shared MariaDB's demo users
 * keep their passwords.
 */
@MicronautTest(transactional = false)
class OwnPasswordTest {

    static final String FIRST = "river lantern copper meadow";
    static final String SECOND = "harbour violin pebble frost";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DirectoryAdministration administration;
    @Inject
    UserAccountRepository users;
    @Inject
    ChangeLogRepository changes;

    private String newPerson(Role role) {
        String username = "pw." + UUID.randomUUID().toString().substring(0, 8);
        String agency = role == Role.BOARD_CHAIR ? "BOARD" : "CSC";
        administration.addUser(username, "Pat Word", agency, Set.of(role), FIRST, new ChangedBy("test", "BOARD"));
        return username;
    }

    private Browserless signedIn(String username, String password) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, password).status());
        return browser;
    }

    private static Page change(Browserless browser, String current, String next, String again) {
        Page form = browser.get("/account/password");
        assertEquals(200, form.status(), form.body());
        return browser.postForm("/account/password", Map.of("csrfToken", browser.csrfTokenFrom(form),
                "currentPassword", current, "password", next, "confirmPassword", again));
    }

    @Test
    void aPersonChangesTheirPasswordStaysSignedInHereAndIsSignedOutElsewhere() {
        String username = newPerson(Role.AGENCY_CONTRIBUTOR);
        Browserless here = signedIn(username, FIRST);
        Browserless elsewhere = signedIn(username, FIRST);
        assertEquals(200, elsewhere.get("/account/password").status());

        Page done = change(here, FIRST, SECOND, SECOND);
        assertEquals(303, done.status(), done.body());
        assertEquals("/account/password?notice=PASSWORD_CHANGED", done.location());
        Page after = here.get(done.location());
        assertEquals(200, after.status(), "this session goes on");
        assertTrue(after.body().contains("Your password is changed"), after.body());

        Page other = elsewhere.get("/account/password");
        assertEquals(303, other.status(), "the other session ended");
        assertTrue(other.location().startsWith("/login"), other.location());

        assertEquals(401, new Browserless(http.toBlocking()).signIn(username, FIRST).status(), "the old password no longer works");
        assertEquals(303, new Browserless(http.toBlocking()).signIn(username, SECOND).status());

        var logged = changes.list(io.micronaut.data.model.Pageable.from(0, 200, io.micronaut.data.model.Sort.of(io.micronaut.data.model.Sort.Order.desc("id")))).stream().filter(e -> username.equals(e.entityId()) && "CHANGE_OWN_PASSWORD".equals(e.action())).toList();
        assertEquals(1, logged.size());
        assertEquals(username, logged.get(0).changedBy(), "attributed to the person");
        assertFalse(logged.get(0).newValue().contains(SECOND), "never the password");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedNamingTheFieldAndNothingChanges() {
        String username = newPerson(Role.AGENCY_LEAD);
        Browserless browser = signedIn(username, FIRST);
        String hash = users.findByUsername(username).orElseThrow().passwordHash();
        Page refused = change(browser, "not my password at all", SECOND, SECOND);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("href=\"#currentPassword\""), "the error summary links to the field");
        assertTrue(refused.body().contains(OwnPasswordController.WRONG_CURRENT));
        assertEquals(hash, users.findByUsername(username).orElseThrow().passwordHash());
    }

    @Test
    void theNewPasswordMustMeetTheRulesAndBeTypedTwiceTheSame() {
        String username = newPerson(Role.AGENCY_CONTRIBUTOR);
        Browserless browser = signedIn(username, FIRST);
        Page weak = change(browser, FIRST, "Quadrant2026!!", "Quadrant2026!!");
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("href=\"#password\""), weak.body());
        assertTrue(weak.body().contains("too easy to guess"));
        Page mismatch = change(browser, FIRST, SECOND, SECOND + "x");
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("href=\"#confirmPassword\""));
        assertEquals(303, new Browserless(http.toBlocking()).signIn(username, FIRST).status(), "unchanged");
    }

    @Test
    void guessingTheCurrentPasswordFromASessionIsThrottledLikeTheSignInForm() {
        String username = newPerson(Role.AGENCY_CONTRIBUTOR);
        Browserless browser = signedIn(username, FIRST);
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = change(browser, "wrong guess number " + i, SECOND, SECOND).status();
        }
        assertEquals(429, status, "after the account's failures the form waits, like sign-in");
        assertEquals(429, change(browser, FIRST, SECOND, SECOND).status(), "even the right password waits");
    }

    @Test
    void theChairMayChangeTheirOwnPassword() {
        String username = newPerson(Role.BOARD_CHAIR);
        Browserless chair = signedIn(username, FIRST);
        assertEquals(303, change(chair, FIRST, SECOND, SECOND).status());
    }
}
