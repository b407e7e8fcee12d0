package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.notifications.MailParts;
import uk.org.quadrant.gateway.notifications.MailTestBase;
import uk.org.quadrant.gateway.support.Browserless;

import io.micronaut.transaction.TransactionOperations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, accounts that look after themselves, against a real SMTP server (GreenMail): the manager's
 * invitation end to end (the mail arrives, its link works once, the person signs in with the passphrase
 * they chose), re-sending it, "Forgotten your password?" end to end (every earlier session ends), and
 * links expired, used, tampered with or taken to the wrong page, each refused with its own page.
 * "Forgotten your password?" answers the same for an account, a stranger and a disabled account.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLinksByMailTest extends MailTestBase {

    static final Pattern INVITATION = Pattern.compile("(/account/invitation\\?t=[A-Za-z0-9_-]{43})");
    static final Pattern RESET = Pattern.compile("(/account/reset-password\\?t=[A-Za-z0-9_-]{43})");
    static final String PASSPHRASE = "correct horse battery staple";
    static final String NEW_PASSPHRASE = "another long passphrase of mine";

    @Inject
    ChangeLogRepository changes;
    @Inject
    UserAccountRepository users;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.transport", "smtp");
        p.put("quadrant.auth.reset.per-client", "40");
        return p;
    }

    @Test
    @Order(1)
    void anInvitedPersonChoosesTheirPassphraseWithTheLinkOnceAndSignsInWithIt() throws Exception {
        Browserless manager = signedIn("manager");
        Browserless.Page added = post(manager, "/admin/users", manager.csrfToken(), "username", "new.person", "displayName", "New Person",
                "agencyCode", "CSC", "roles", "AGENCY_CONTRIBUTOR", "email", "new.person@example.org", "passwordChoice", "invite");
        assertEquals(303, added.status(), added::body);
        UserAccount account = users.findByUsername("new.person").orElseThrow();
        assertFalse(account.hasPassword());

        MimeMessage mail = awaitMail("new.person@example.org", "You are invited to Quadrant");
        String text = MailParts.text(mail);
        String link = find(INVITATION, text);
        assertTrue(MailParts.part(mail, "text/html").contains(link.replace("&", "&amp;")), "the HTML part carries the link too");
        assertFalse(text.contains("unsubscribe"), text);

        // Until the link is used nothing signs in, not even an empty or guessed password.
        assertEquals(401, new Browserless(http.toBlocking()).signIn("new.person", "!invited").status());

        Browserless invitee = new Browserless(http.toBlocking());
        Browserless.Page form = invitee.get(link);
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("Choose your password"), form.body());
        String secret = link.substring(link.indexOf("t=") + 2);

        Browserless.Page mismatch = post(invitee, "/account/invitation", invitee.csrfTokenFrom(form), "t", secret,
                "password", PASSPHRASE, "confirmPassword", PASSPHRASE + "x");
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("The two passwords do not match") && mismatch.body().contains("#confirmPassword"), mismatch.body());
        Browserless.Page tooShort = post(invitee, "/account/invitation", invitee.csrfTokenFrom(form), "t", secret,
                "password", "short", "confirmPassword", "short");
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("Password must be at least 12 characters"), tooShort.body());
        Browserless.Page noCsrf = post(invitee, "/account/invitation", null, "t", secret,
                "password", PASSPHRASE, "confirmPassword", PASSPHRASE);
        assertEquals(403, noCsrf.status());

        Browserless.Page accepted = post(invitee, "/account/invitation", invitee.csrfTokenFrom(form), "t", secret,
                "password", PASSPHRASE, "confirmPassword", PASSPHRASE);
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals("/", accepted.location());
        assertTrue(accepted.setCookie("quadrant_session").isPresent(), "signed in");
        assertEquals(200, invitee.get("/account/sessions").status());

        // Once only: the same link again, from anywhere, is refused and changes nothing.
        Browserless other = new Browserless(http.toBlocking());
        Browserless.Page again = other.get(link);
        assertEquals(410, again.status());
        assertTrue(again.body().contains("This link has already been used"), again.body());
        Browserless.Page postAgain = post(other, "/account/invitation", other.csrfTokenFrom(other.get("/login")), "t", secret,
                "password", "someone else's passphrase", "confirmPassword", "someone else's passphrase");
        assertEquals(410, postAgain.status());

        assertEquals(303, new Browserless(http.toBlocking()).signIn("new.person", PASSPHRASE).status());
        assertEquals(401, new Browserless(http.toBlocking()).signIn("new.person", "someone else's passphrase").status());
        awaitMail("new.person@example.org", "Your Quadrant password is set");

        List<ChangeLogEntry> log = log("new.person");
        assertTrue(log.stream().anyMatch(e -> e.action().equals("INVITED") && e.changedBy().equals("manager")), log::toString);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("INVITATION_ACCEPTED") && e.changedBy().equals("new.person")), log::toString);
        assertFalse(log.toString().contains(secret), "the link is never in the change log");
    }

    @Test
    @Order(2)
    void theOutboxPageNeverShowsALinkAndTheSentMessageKeepsNone() throws Exception {
        Browserless manager = signedIn("manager");
        Browserless.Page outbox = manager.get("/admin/outbox");
        Matcher m = Pattern.compile("href=\"/admin/outbox/(\\d+)\"[^>]*>[^<]*You are invited").matcher(outbox.body());
        List<String> ids = new ArrayList<>();
        Matcher any = Pattern.compile("/admin/outbox/(\\d+)").matcher(outbox.body());
        while (any.find()) {
            ids.add(any.group(1));
        }
        boolean sawInvitation = false;
        for (String id : ids) {
            Browserless.Page message = manager.get("/admin/outbox/" + id);
            assertFalse(INVITATION.matcher(message.body()).find() || RESET.matcher(message.body()).find(),
                    "a link on the outbox page: " + message.body());
            sawInvitation |= message.body().contains("You are invited to Quadrant");
        }
        assertTrue(sawInvitation || m.find(), "the invitation is listed on the outbox page");
        int n = tx.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "SELECT text_body FROM notification WHERE template = 'account-invitation' AND status = 'SENT'")) {
                var rs = s.executeQuery();
                int count = 0;
                while (rs.next()) {
                    count++;
                    assertFalse(rs.getString(1).contains("/account/invitation?t="), "a sent invitation's body kept its link");
                }
                return count;
            }
        });
        assertTrue(n > 0);
    }

    @Test
    @Order(3)
    void sendingTheInvitationAgainStopsTheEarlierLink() throws Exception {
        Browserless manager = signedIn("manager");
        assertEquals(303, post(manager, "/admin/users", manager.csrfToken(), "username", "twice.invited", "displayName", "Twice",
                "agencyCode", "TVP", "roles", "AGENCY_CONTRIBUTOR", "email", "twice@example.org", "passwordChoice", "invite").status());
        String first = find(INVITATION, MailParts.text(awaitMail("twice@example.org", "You are invited")));
        Browserless.Page resent = post(manager, "/admin/users/twice.invited/invitation", manager.csrfToken());
        assertEquals(303, resent.status(), resent.body());
        String second = awaitLinks("twice@example.org", INVITATION, 2).get(1);
        assertNotEquals(first, second);

        Browserless invitee = new Browserless(http.toBlocking());
        assertEquals(410, invitee.get(first).status(), "the earlier link no longer works");
        Browserless.Page form = invitee.get(second);
        assertEquals(200, form.status());
        assertEquals(303, post(invitee, "/account/invitation", invitee.csrfTokenFrom(form), "t", second.substring(second.indexOf("t=") + 2),
                "password", PASSPHRASE, "confirmPassword", PASSPHRASE).status());
        // Now that a password is chosen, there is nothing to invite to.
        assertEquals(400, post(manager, "/admin/users/twice.invited/invitation", manager.csrfToken()).status());
        assertTrue(log("twice.invited").stream().anyMatch(e -> e.action().equals("INVITATION_RESENT")));
    }

    @Test
    @Order(4)
    void aForgottenPasswordIsResetWithTheLinkAndEverySessionEnds() throws Exception {
        Browserless before = new Browserless(http.toBlocking());
        assertEquals(303, before.signIn("new.person", PASSPHRASE).status());
        String apiBearer = apiTokenFor("new.person", PASSPHRASE);
        assertEquals(200, before.get("/account/sessions").status());

        Browserless someone = new Browserless(http.toBlocking());
        Browserless.Page asked = post(someone, "/login/forgotten", someone.csrfTokenFrom(someone.get("/login/forgotten")),
                "account", "new.person");
        assertEquals(200, asked.status());
        assertTrue(asked.body().contains("Check your e-mail"), asked.body());
        MimeMessage mail = awaitMail("new.person@example.org", "Reset your Quadrant password");
        String link = find(RESET, MailParts.text(mail));
        String secret = link.substring(link.indexOf("t=") + 2);

        Browserless.Page form = someone.get(link);
        assertEquals(200, form.status());
        Browserless.Page done = post(someone, "/account/reset-password", someone.csrfTokenFrom(form), "t", secret,
                "password", NEW_PASSPHRASE, "confirmPassword", NEW_PASSPHRASE);
        assertEquals(303, done.status(), done.body());
        assertEquals("/login?passwordReset=true", done.location(),
                "a reset sets the password and signs nobody in: the sign-in, with its second factor, follows (ASVS 6.4.3)");
        assertTrue(done.setCookie("quadrant_session").isEmpty(), "no session from the link");
        assertEquals(303, someone.get("/account/sessions").status(), "not signed in by the link");
        assertTrue(someone.get(done.location()).body().contains("Your new password is set"));
        assertEquals(303, someone.signIn("new.person", NEW_PASSPHRASE).status());
        assertEquals(200, someone.get("/account/sessions").status(), "signed in with the new passphrase");

        Thread.sleep(100);
        Browserless.Page old = before.get("/account/sessions");
        assertEquals(303, old.status(), "the session from before the reset has ended");
        assertTrue(old.location().startsWith("/login"));
        int api = new Browserless(http.toBlocking()).send(HttpRequest.GET("/api/v1/me").header("Authorization", apiBearer)).status();
        assertEquals(401, api, "and the API token from before");
    }

    @Test
    @Order(5)
    void theResetEndsWithAPasswordChangedNoticeAndTheOldPassphraseNoLongerWorks() throws Exception {
        awaitMail("new.person@example.org", "Your Quadrant password was changed");
        assertEquals(401, new Browserless(http.toBlocking()).signIn("new.person", PASSPHRASE).status());
        assertEquals(303, new Browserless(http.toBlocking()).signIn("new.person", NEW_PASSPHRASE).status());
        List<ChangeLogEntry> log = log("new.person");
        assertTrue(log.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_REQUESTED")), log::toString);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("PASSWORD_RESET_BY_LINK")), log::toString);
    }

    @Test
    @Order(6)
    void anExpiredLinkIsRefusedWithItsOwnPageAndChangesNothing() throws Exception {
        String link = requestResetLink("csc.lead", "csc.lead@example.org");
        int expired = tx.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "UPDATE account_link SET expires_at = ? WHERE username = 'csc.lead' AND used_at IS NULL")) {
                s.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
                return s.executeUpdate();
            }
        });
        assertEquals(1, expired);
        Browserless browser = new Browserless(http.toBlocking());
        Browserless.Page page = browser.get(link);
        assertEquals(410, page.status());
        assertTrue(page.body().contains("This link has expired") && page.body().contains("/login/forgotten"), page.body());
        Browserless.Page posted = post(browser, "/account/reset-password", browser.csrfTokenFrom(browser.get("/login")),
                "t", link.substring(link.indexOf("t=") + 2), "password", NEW_PASSPHRASE, "confirmPassword", NEW_PASSPHRASE);
        assertEquals(410, posted.status());
        assertEquals(303, new Browserless(http.toBlocking()).signIn("csc.lead", Browserless.DEMO_PASSWORD).status(), "password unchanged");
    }

    @Test
    @Order(7)
    void aTamperedLinkOrOneTakenToTheOtherPageIsNotValid() throws Exception {
        String link = requestResetLink("tvp.lead", "tvp.lead@example.org");
        String secret = link.substring(link.indexOf("t=") + 2);
        char last = secret.charAt(secret.length() - 1);
        String tampered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        Browserless browser = new Browserless(http.toBlocking());
        for (String path : List.of("/account/reset-password?t=" + tampered, "/account/reset-password?t=" + secret.substring(1),
                "/account/reset-password?t=" + URLEncoder.encode(secret + "'\"<x>", StandardCharsets.UTF_8), "/account/reset-password",
                "/account/invitation?t=" + secret)) {
            Browserless.Page page = browser.get(path);
            assertEquals(400, page.status(), path);
            assertTrue(page.body().contains("This link is not valid"), page.body());
        }
        Browserless.Page posted = post(browser, "/account/invitation", browser.csrfTokenFrom(browser.get("/login")), "t", secret,
                "password", NEW_PASSPHRASE, "confirmPassword", NEW_PASSPHRASE);
        assertEquals(400, posted.status(), "a reset link does not open the invitation page");
        // The genuine link still works: the refusals used nothing.
        assertEquals(200, browser.get(link).status());
        assertEquals(303, new Browserless(http.toBlocking()).signIn("tvp.lead", Browserless.DEMO_PASSWORD).status());
    }

    @Test
    @Order(8)
    void forgottenPasswordAnswersTheSameWhetherOrNotTheAccountExistsOrIsDisabled() throws Exception {
        Browserless manager = signedIn("manager");
        Browserless.Page edit = manager.get("/admin/users/ei.user");
        String version = hidden(edit, "version");
        assertEquals(303, post(manager, "/admin/users/ei.user/enabled", manager.csrfToken(), "enabled", "false", "version", version).status());
        int before = smtp.getReceivedMessages().length;

        List<String> answers = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (String typed : List.of("nobody.at.all", "ei.user", "nobody@example.org", "EI.User@Example.org", "tvp.user")) {
            Browserless b = new Browserless(http.toBlocking());
            String token = b.csrfTokenFrom(b.get("/login/forgotten"));
            long start = System.nanoTime();
            Browserless.Page page = post(b, "/login/forgotten", token, "account", typed);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, page.status(), typed);
            answers.add(page.body());
        }
        assertEquals(1, answers.stream().distinct().count(), "one answer for every case");
        assertTrue(answers.get(0).contains("Check your e-mail"));
        awaitMail("tvp.user@example.org", "Reset your Quadrant password");
        Thread.sleep(1500);
        List<String> to = Arrays.stream(smtp.getReceivedMessages()).skip(before).map(AccountLinksByMailTest::recipient).toList();
        assertEquals(List.of("tvp.user@example.org"), to, "only the enabled account was sent a link");
        assertTrue(millis.stream().allMatch(ms -> ms < 2000), () -> "answered before any lookup or e-mail: " + millis);
    }

    @Test
    @Order(9)
    void oneAccountIsSentAtMostThreeLinksInTheWindowAndTheAnswerStaysTheSame() throws Exception {
        int before = smtp.getReceivedMessages().length;
        for (int i = 0; i < 5; i++) {
            Browserless b = new Browserless(http.toBlocking());
            Browserless.Page page = post(b, "/login/forgotten", b.csrfTokenFrom(b.get("/login/forgotten")), "account", "csc.user");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("Check your e-mail"));
        }
        awaitLinks("csc.user@example.org", RESET, 3);
        Thread.sleep(1500);
        long sent = Arrays.stream(smtp.getReceivedMessages()).skip(before).filter(m -> recipient(m).equals("csc.user@example.org")).count();
        assertEquals(3, sent);
    }

    @Test
    @Order(11)
    void oneClientAskingTooOftenIsToldToWait() {
        int status = 200;
        for (int i = 0; i < 45 && status == 200; i++) {
            Browserless b = new Browserless(http.toBlocking());
            status = post(b, "/login/forgotten", b.csrfTokenFrom(b.get("/login/forgotten")), "account", "x" + i).status();
        }
        assertEquals(429, status);
    }

    @Test
    @Order(12)
    void theFormsNameTheFieldInError() {
        Browserless b = new Browserless(http.toBlocking());
        Browserless.Page empty = post(b, "/login/forgotten", b.csrfTokenFrom(b.get("/login/forgotten")), "account", "");
        assertTrue(empty.status() == 400 || empty.status() == 429);
        if (empty.status() == 400) {
            assertTrue(empty.body().contains("#account") && empty.body().contains("Enter your username or e-mail address"), empty.body());
        }
        Browserless.Page signIn = b.get("/login");
        assertTrue(signIn.body().contains("href=\"/login/forgotten\""), "the sign-in page links to it");
    }

    @Test
    @Order(10)
    void oversizedOrHostileInputIsRefusedNamingTheFieldAndShownEscaped() throws Exception {
        Browserless b = new Browserless(http.toBlocking());
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>" + "a".repeat(300);
        Browserless.Page big = post(b, "/login/forgotten", b.csrfTokenFrom(b.get("/login/forgotten")), "account", hostile);
        assertTrue(big.status() == 400 || big.status() == 429, () -> big.status() + big.body());
        assertFalse(big.body().contains("<script>alert(1)") || big.body().contains("<img src=x"), "shown escaped");
        if (big.status() == 400) {
            assertTrue(big.body().contains("#account"), big.body());
        }
        String link = requestResetLinkForNewPerson();
        String secret = link.substring(link.indexOf("t=") + 2);
        Browserless.Page form = b.get(link);
        String huge = "x".repeat(2000);
        Browserless.Page tooLong = post(b, "/account/reset-password", b.csrfTokenFrom(form), "t", secret, "password", huge,
                "confirmPassword", huge);
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("Password must be 1024 characters or fewer") && tooLong.body().contains("#password"));
        Browserless.Page spaces = post(b, "/account/reset-password", b.csrfTokenFrom(form), "t", secret, "password", " ".repeat(20),
                "confirmPassword", " ".repeat(20));
        assertEquals(400, spaces.status());
        Browserless.Page hostileToken = b.get("/account/reset-password?t=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        assertEquals(400, hostileToken.status());
        assertFalse(hostileToken.body().contains("<script>alert(1)"));
        assertEquals(200, b.get(link).status(), "the refusals did not use the link");
    }

    private String requestResetLinkForNewPerson() throws Exception {
        return requestResetLink("new.person", "new.person@example.org");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private String requestResetLink(String username, String address) throws Exception {
        int known = linksTo(address, RESET).size();
        Browserless b = new Browserless(http.toBlocking());
        assertEquals(200, post(b, "/login/forgotten", b.csrfTokenFrom(b.get("/login/forgotten")), "account", username).status());
        List<String> links = awaitLinks(address, RESET, known + 1);
        return links.get(links.size() - 1);
    }

    static Browserless.Page post(Browserless browser, String path, String token, String... pairs) {
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

    static String hidden(Browserless.Page page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(m.find(), "no hidden " + name);
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String apiTokenFor(String username, String password) {
        Map<?, ?> token = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("username", username, "password", password)), Map.class);
        return "Bearer " + token.get("access_token");
    }

    private List<ChangeLogEntry> log(String username) {
        return changes.list(Pageable.from(0, 1000, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(e -> e.entityId().equals(username)).toList();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), () -> "no link in: " + text);
        return m.group(1);
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage awaitMail(String to, String subject) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (recipient(m).equals(to) && m.getSubject().contains(subject)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + to + " about " + subject);
    }

    private List<String> linksTo(String to, Pattern pattern) throws Exception {
        List<String> links = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (recipient(m).equals(to)) {
                Matcher matcher = pattern.matcher(MailParts.text(m));
                if (matcher.find()) {
                    links.add(matcher.group(1));
                }
            }
        }
        return links;
    }

    private List<String> awaitLinks(String to, Pattern pattern, int count) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            List<String> links = linksTo(to, pattern);
            if (links.size() >= count) {
                return links;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Fewer than " + count + " links to " + to);
    }
}
