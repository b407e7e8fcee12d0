package uk.org.quadrant.gateway.admin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board manager manages users and agencies over real HTTP, signed in as the demo manager; every
 * change lands in the change history without a password, and a stale form gets a 409 with the current values.
 */
@MicronautTest(transactional = false)
class UserAdminTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    UserAccountRepository users;
    @Inject
    SigningKeyProvider keys;

    Browserless manager;

    @BeforeEach
    void signIn() {
        manager = new Browserless(http.toBlocking());
        assertEquals(303, manager.signIn("manager", Browserless.DEMO_PASSWORD).status());
    }

    private Browserless browser() {
        return new Browserless(http.toBlocking());
    }

    @Test
    void theUserListShowsEveryUserWithAgencyRolesAndStatus() {
        Page page = manager.get("/admin/users");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains(">csc.lead<"), page.body());
        assertTrue(page.body().contains("Children&#39;s Social Care lead"));
        assertTrue(page.body().contains("Agency lead"));
        assertTrue(page.body().contains("when their session is next"), "the page says when a change takes effect");
    }

    @Test
    void addAUserWithALongPassphraseWhoCanThenSignIn() {
        String longPassphrase = "a long passphrase of many words ".repeat(8).trim();
        Page added = Forms.post(manager, "/admin/users", "username", "csc.duty", "displayName", "MASH duty worker",
                "agencyCode", "CSC", "roles", "AGENCY_CONTRIBUTOR", "roles", "AGENCY_LEAD", "password", longPassphrase);
        assertEquals(303, added.status(), added.body());
        assertTrue(added.location().startsWith("/admin/users?notice=USER_ADDED"), added.location());
        Page list = manager.get(added.location());
        assertTrue(list.body().contains("User csc.duty added"), list.body());
        assertTrue(list.body().contains("MASH duty worker"));

        UserAccount stored = users.findByUsername("csc.duty").orElseThrow();
        assertEquals("AGENCY_CONTRIBUTOR,AGENCY_LEAD", stored.roles());
        assertTrue(stored.passwordHash().startsWith("$argon2id$"), "stored as an Argon2id hash");
        assertEquals(303, browser().signIn("csc.duty", longPassphrase).status(), "the new user can sign in");

        Page changes = manager.get("/admin/changes");
        assertTrue(changes.body().contains("user csc.duty"), changes.body());
        assertFalse(changes.body().contains(longPassphrase), "never a password in the history");
        assertFalse(changes.body().contains("argon2id"), "never a hash either");
    }

    @Test
    void addAUserRefusesBadInputWithInlineErrors() {
        Page page = Forms.post(manager, "/admin/users", "username", "Bad Name!", "displayName", "",
                "agencyCode", "NOPE", "password", "short");
        assertEquals(400, page.status());
        String body = page.body();
        assertTrue(body.contains("govuk-error-summary"), body);
        assertTrue(body.contains("href=\"#username\""), body);
        assertTrue(body.contains("id=\"username-error\""), "inline error next to the field");
        assertTrue(body.contains("aria-describedby=\"username-hint username-error\""), "the field is described by its hint and error");
        assertFalse(manager.get("/admin/users/new").body().contains("aria-describedby=\"\""), "no empty descriptions");
        assertTrue(body.contains("Enter the person&#39;s name or role title"), body);
        assertTrue(body.contains("Choose an agency from the list"));
        assertTrue(body.contains("Choose at least one role"));
        assertTrue(body.contains("Password must be at least 12 characters"));
        assertTrue(body.contains("value=\"Bad Name!\"") || body.contains("value=\"bad name!\""), "what was typed is kept");

        Page duplicate = Forms.post(manager, "/admin/users", "username", "chair", "displayName", "Another chair",
                "agencyCode", "BOARD", "roles", "BOARD_CHAIR", "password", PASSPHRASE);
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("A user called chair already exists"));
    }

    @Test
    void editMovesAUserToAnotherAgencyAndTheirNextRenewalCarriesIt() throws Exception {
        addUser("tvp.analyst", "TVP", "AGENCY_CONTRIBUTOR");
        Page form = manager.get("/admin/users/tvp.analyst");
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("when their session is next renewed"), "the page says when it takes effect");
        Page saved = Forms.post(manager, "/admin/users/tvp.analyst", "version", Forms.hidden(form, "version"),
                "displayName", "Partnership analyst", "agencyCode", "PH", "roles", "AGENCY_LEAD");
        assertEquals(303, saved.status(), saved.body());
        UserAccount stored = users.findByUsername("tvp.analyst").orElseThrow();
        assertEquals("PH", stored.agencyCode());
        assertEquals("AGENCY_LEAD", stored.roles());
        assertEquals("Partnership analyst", stored.displayName());

        Browserless analyst = browser();
        analyst.setCookie("quadrant_session", ageingToken("tvp.analyst", "TVP", "AGENCY_CONTRIBUTOR"));
        Page renewed = analyst.get("/");
        String cookie = renewed.setCookie("quadrant_session").orElseThrow();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(cookie.split("=", 2)[1].split(";")[0].split("\\.")[1]));
        assertTrue(claims.contains("\"agency\":\"PH\""), claims);
        assertTrue(claims.contains("AGENCY_LEAD"), claims);

        Page changes = manager.get("/admin/changes");
        assertTrue(changes.body().contains("agency=TVP"), "old value recorded");
        assertTrue(changes.body().contains("agency=PH"), "new value recorded");
        assertTrue(changes.body().contains("manager (BOARD)"), "attributed");
    }

    @Test
    void aStaleVersionGetsA409WithTheCurrentValues() {
        addUser("edu.officer", "EDU", "AGENCY_CONTRIBUTOR");
        Page mine = manager.get("/admin/users/edu.officer");
        String version = Forms.hidden(mine, "version");
        Browserless other = browser();
        other.signIn("manager", Browserless.DEMO_PASSWORD);
        Page theirs = other.get("/admin/users/edu.officer");
        assertEquals(303, Forms.post(other, "/admin/users/edu.officer", "version", Forms.hidden(theirs, "version"),
                "displayName", "Attendance officer", "agencyCode", "EDU", "roles", "AGENCY_CONTRIBUTOR").status());

        Page stale = Forms.post(manager, "/admin/users/edu.officer", "version", version,
                "displayName", "Something else", "agencyCode", "CSC", "roles", "AGENCY_LEAD");
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Someone else changed this"), stale.body());
        assertTrue(stale.body().contains("value=\"Attendance officer\""), "the form shows the current values");
        assertNotEquals(version, Forms.hidden(stale, "version"), "and the current version, so the next save can succeed");
        assertEquals("EDU", users.findByUsername("edu.officer").orElseThrow().agencyCode(), "nothing overwritten");

        Page staleDisable = Forms.post(manager, "/admin/users/edu.officer/enabled", "version", version, "enabled", "false");
        assertEquals(409, staleDisable.status());
        assertTrue(users.findByUsername("edu.officer").orElseThrow().enabled());
    }

    @Test
    void aDisabledUserCanNeitherSignInNorRenewAndEnablingLetsThemBackIn() throws Exception {
        addUser("yjs.worker", "YJS", "AGENCY_CONTRIBUTOR");
        assertEquals(303, browser().signIn("yjs.worker", PASSPHRASE).status());
        Page form = manager.get("/admin/users/yjs.worker");
        Page disabled = Forms.post(manager, "/admin/users/yjs.worker/enabled", "version", Forms.hidden(form, "version"), "enabled", "false");
        assertEquals(303, disabled.status(), disabled.body());
        assertTrue(manager.get(disabled.location()).body().contains("yjs.worker is disabled"));
        assertFalse(users.findByUsername("yjs.worker").orElseThrow().enabled());

        assertEquals(401, browser().signIn("yjs.worker", PASSPHRASE).status(), "cannot sign in");
        Browserless stillSignedIn = browser();
        stillSignedIn.setCookie("quadrant_session", ageingToken("yjs.worker", "YJS", "AGENCY_CONTRIBUTOR"));
        assertTrue(stillSignedIn.get("/").setCookie("quadrant_session").orElseThrow().contains("Max-Age=0"), "the renewal ends the session");

        Page again = manager.get("/admin/users/yjs.worker");
        assertTrue(again.body().contains("Enable user"));
        assertEquals(303, Forms.post(manager, "/admin/users/yjs.worker/enabled", "version", Forms.hidden(again, "version"),
                "enabled", "true").status());
        assertEquals(303, browser().signIn("yjs.worker", PASSPHRASE).status(), "enabled again");
        assertTrue(manager.get("/admin/changes").body().contains("DISABLE"));
    }

    @Test
    void resetPasswordReplacesTheOldOneAndIsNeverLogged() {
        addUser("nps.officer", "NPS", "AGENCY_LEAD");
        Page form = manager.get("/admin/users/nps.officer/password");
        assertEquals(200, form.status());
        Page mismatch = Forms.post(manager, "/admin/users/nps.officer/password", "version", Forms.hidden(form, "version"),
                "password", "a brand new passphrase", "confirmPassword", "a different passphrase");
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("The two passwords do not match"));

        Page reset = Forms.post(manager, "/admin/users/nps.officer/password", "version", Forms.hidden(form, "version"),
                "password", "a brand new passphrase", "confirmPassword", "a brand new passphrase");
        assertEquals(303, reset.status(), reset.body());
        assertEquals(401, browser().signIn("nps.officer", PASSPHRASE).status(), "the old password no longer works");
        assertEquals(303, browser().signIn("nps.officer", "a brand new passphrase").status());
        String changes = manager.get("/admin/changes").body();
        assertTrue(changes.contains("RESET_PASSWORD"));
        assertFalse(changes.contains("a brand new passphrase"));
    }

    @Test
    void theManagerCannotDisableThemselvesOrDropTheirOwnManagerRole() {
        Page form = manager.get("/admin/users/manager");
        Page drop = Forms.post(manager, "/admin/users/manager", "version", Forms.hidden(form, "version"),
                "displayName", "Board manager", "agencyCode", "BOARD", "roles", "BOARD_CHAIR");
        assertEquals(400, drop.status());
        assertTrue(drop.body().contains("You cannot remove your own board manager role"));
        Page disable = Forms.post(manager, "/admin/users/manager/enabled", "version", Forms.hidden(form, "version"), "enabled", "false");
        assertEquals(400, disable.status());
        assertTrue(users.findByUsername("manager").orElseThrow().enabled());
    }

    @Test
    void addAnAgencyWithABadCodeGetsAnInlineErrorAndAGoodOneIsAddedAndRenamed() {
        Page bad = Forms.post(manager, "/admin/agencies", "code", "camhs1", "name", "Child and adolescent mental health");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("href=\"#code\""), bad.body());
        assertTrue(bad.body().contains("id=\"code-error\""));
        assertTrue(bad.body().contains("Code must be 2 to 10 capital letters"));
        assertTrue(bad.body().contains("value=\"Child and adolescent mental health\""), "the name typed is kept");

        Page duplicate = Forms.post(manager, "/admin/agencies", "code", "CSC", "name", "Again");
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("An agency with code CSC already exists"));

        Page added = Forms.post(manager, "/admin/agencies", "code", "CAMHS", "name", "Child and adolescent mental health");
        assertEquals(303, added.status(), added.body());
        Page list = manager.get(added.location());
        assertTrue(list.body().contains("Agency CAMHS added"));
        assertTrue(list.body().contains(">Child and adolescent mental health<"));

        Page rename = manager.get("/admin/agencies/CAMHS");
        String version = Forms.hidden(rename, "version");
        assertEquals(303, Forms.post(manager, "/admin/agencies/CAMHS", "version", version, "name", "CAMHS (Oxford Health)").status());
        Page stale = Forms.post(manager, "/admin/agencies/CAMHS", "version", version, "name", "Overwritten");
        assertEquals(409, stale.status());
        assertTrue(stale.body().contains("Someone else changed this"));
        assertTrue(stale.body().contains("value=\"CAMHS (Oxford Health)\""), stale.body());
        String changes = manager.get("/admin/changes").body();
        assertTrue(changes.contains("name=Child and adolescent mental health"), changes);
        assertTrue(changes.contains("name=CAMHS (Oxford Health)"));
    }

    @Test
    void anAgencyAddedHereCanBeGivenUsers() {
        assertEquals(303, Forms.post(manager, "/admin/agencies", "code", "HOUSING", "name", "District housing").status());
        addUser("housing.lead", "HOUSING", "AGENCY_LEAD");
        assertTrue(manager.get("/admin/users").body().contains("District housing"));
    }

    @Test
    void anEmailAddressIsSetOnAddEditedAndLoggedWithOldAndNewValue() {
        Page form = manager.get("/admin/users/new");
        assertTrue(form.body().contains("type=\"email\" autocomplete=\"email\" spellcheck=\"false\" id=\"email\" name=\"email\""),
                "the GOV.UK email input: " + form.body());
        Page added = Forms.post(manager, "/admin/users", "username", "pH.nurse", "displayName", "School nurse",
                "agencyCode", "PH", "roles", "AGENCY_CONTRIBUTOR", "email", "  school.nurse@ph.example.org ", "password", PASSPHRASE);
        assertEquals(303, added.status(), added.body());
        assertEquals("school.nurse@ph.example.org", users.findByUsername("ph.nurse").orElseThrow().email(), "stored trimmed");

        Page edit = manager.get("/admin/users/ph.nurse");
        assertTrue(edit.body().contains("value=\"school.nurse@ph.example.org\""), edit.body());
        Page saved = Forms.post(manager, "/admin/users/ph.nurse", "version", Forms.hidden(edit, "version"),
                "displayName", "School nurse", "agencyCode", "PH", "roles", "AGENCY_CONTRIBUTOR", "email", "nurse.team@ph.example.org");
        assertEquals(303, saved.status(), saved.body());
        assertEquals("nurse.team@ph.example.org", users.findByUsername("ph.nurse").orElseThrow().email());
        String changes = manager.get("/admin/changes").body();
        assertTrue(changes.contains("email=school.nurse@ph.example.org"), "old value: " + changes);
        assertTrue(changes.contains("email=nurse.team@ph.example.org"), "new value");

        Page again = manager.get("/admin/users/ph.nurse");
        assertEquals(303, Forms.post(manager, "/admin/users/ph.nurse", "version", Forms.hidden(again, "version"),
                "displayName", "School nurse", "agencyCode", "PH", "roles", "AGENCY_CONTRIBUTOR", "email", "").status());
        assertEquals(null, users.findByUsername("ph.nurse").orElseThrow().email(), "emptied: no address, no reminders");
        assertTrue(manager.get("/admin/changes").body().contains("email=(none)"));
    }

    @Test
    void anAddressThatDoesNotLookLikeOneIsRefusedOnAddAndEdit() {
        Page bad = Forms.post(manager, "/admin/users", "username", "vcs.worker", "displayName", "Volunteer",
                "agencyCode", "VCS", "roles", "AGENCY_CONTRIBUTOR", "email", "volunteer at vcs.example.org", "password", PASSPHRASE);
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("href=\"#email\""), "the summary links to the field: " + bad.body());
        assertTrue(bad.body().contains("id=\"email-error\""), "inline error next to the field");
        assertTrue(bad.body().contains("Enter an e-mail address in the correct format, like name@example.org"));
        assertTrue(bad.body().contains("value=\"volunteer at vcs.example.org\""), "what was typed is kept");
        assertTrue(users.findByUsername("vcs.worker").isEmpty(), "not added");

        Page edit = manager.get("/admin/users/vcs.lead");
        for (String address : new String[]{"vcs.lead@", "@example.org", "two@@example.org", "no-domain@localhost",
                "a..b@example.org", "x".repeat(250) + "@example.org"}) {
            Page refused = Forms.post(manager, "/admin/users/vcs.lead", "version", Forms.hidden(edit, "version"),
                    "displayName", "VCS lead", "agencyCode", "VCS", "roles", "AGENCY_LEAD", "email", address);
            assertEquals(400, refused.status(), address);
            assertTrue(refused.body().contains("id=\"email-error\""), address);
        }
        assertEquals("vcs.lead@example.org", users.findByUsername("vcs.lead").orElseThrow().email(), "the demo address kept");

        Page stale = Forms.post(manager, "/admin/users/vcs.lead", "version", "-5",
                "displayName", "VCS lead", "agencyCode", "VCS", "roles", "AGENCY_LEAD", "email", "other@example.org");
        assertEquals(409, stale.status(), "a stale form is still a conflict");
        assertTrue(stale.body().contains("value=\"vcs.lead@example.org\""), "showing the address saved now");
    }

    private void addUser(String username, String agency, String role) {
        Page added = Forms.post(manager, "/admin/users", "username", username, "displayName", username + " name",
                "agencyCode", agency, "roles", role, "password", PASSPHRASE);
        assertEquals(303, added.status(), added.body());
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
