package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signed unsubscribe link over real HTTP, signed out: the page and its button, RFC 8058's one-click
 * POST with no cookie and no CSRF token, and links that were forged, cut short, altered to name another
 * person or kind, or signed with another key (400, nothing changed).
 */
@MicronautTest(transactional = false)
@Property(name = "quadrant.public-url", value = "https://quadrant.example.org/")
class UnsubscribeLinkTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    UnsubscribeLinks links;
    @Inject
    SignedUnsubscribeLinks signed;
    @Inject
    UserAccountRepository users;
    @Inject
    ReminderPreferences preferences;

    private Browserless anonymous() {
        return new Browserless(http.toBlocking());
    }

    private Delivery stored(String username, ReminderKind kind) {
        return preferences.of(users.findByUsername(username).orElseThrow()).get(kind);
    }

    /** The path and query of a link, as the mail client opens it on this gateway. */
    private String pathOf(String link) {
        assertTrue(link.startsWith("https://quadrant.example.org/notifications/unsubscribe?t="), link);
        return link.substring("https://quadrant.example.org".length());
    }

    private static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("?t=") + 3), StandardCharsets.UTF_8);
    }

    private static String path(String token) {
        return "/notifications/unsubscribe?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private Page oneClick(String path) {
        return anonymous().send(HttpRequest.POST(path, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    @Test
    void theLinkAsksThenItsButtonSwitchesTheKindOffAndLogsIt() {
        String link = links.link("csc.lead", ReminderKind.DRAFT_READY);
        Browserless browser = anonymous();
        Page ask = browser.get(pathOf(link));
        assertEquals(200, ask.status(), ask.body());
        assertTrue(ask.body().contains("Stop these e-mails?"), ask.body());
        assertTrue(ask.body().contains("Drafts ready to check and submit"), "names the kind");
        assertEquals(Delivery.IMMEDIATE, stored("csc.lead", ReminderKind.DRAFT_READY), "a GET changes nothing");

        assertTrue(ask.body().contains("name=\"List-Unsubscribe\" value=\"One-Click\""), "the button posts what a mail provider posts");
        Page done = browser.send(HttpRequest.POST(pathOf(link), "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("You will not get these reminders any more"), done.body());
        assertEquals(Delivery.OFF, stored("csc.lead", ReminderKind.DRAFT_READY));
        assertEquals(Delivery.IMMEDIATE, stored("csc.lead", ReminderKind.ACTIONS), "only that kind");

        Browserless manager = anonymous();
        manager.signIn("manager", Browserless.DEMO_PASSWORD);
        String changes = manager.get("/admin/changes").body();
        assertTrue(changes.contains("UNSUBSCRIBE"), changes);
        assertTrue(changes.contains("DRAFT_READY=IMMEDIATE") && changes.contains("DRAFT_READY=OFF"), changes);
        assertTrue(changes.contains(">csc.lead"), "changed by the person themselves: " + changes);
    }

    @Test
    void aMailProvidersOneClickPostWithoutCookieOrTokenWorks() {
        Page done = oneClick(pathOf(links.link("tvp.lead", ReminderKind.ACTIONS)));
        assertEquals(200, done.status(), done.body());
        assertEquals(Delivery.OFF, stored("tvp.lead", ReminderKind.ACTIONS));

        Page multipart = anonymous().send(HttpRequest.POST(pathOf(links.link("tvp.lead", ReminderKind.DRAFT_READY)),
                        MultipartBody.builder().addPart("List-Unsubscribe", "One-Click").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, multipart.status(), multipart.body());
        assertEquals(Delivery.OFF, stored("tvp.lead", ReminderKind.DRAFT_READY));
    }

    @Test
    void aStatutoryKindMovesToTheWeeklyDigestAndThePageSaysSo() {
        Page ask = anonymous().get(pathOf(links.link("edu.user", ReminderKind.RETURNS_DUE)));
        assertTrue(ask.body().contains("once a week in a digest instead"), ask.body());
        Page done = oneClick(pathOf(links.link("edu.user", ReminderKind.RETURNS_DUE)));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("These reminders will now come once a week"), done.body());
        assertTrue(done.body().contains("cannot be switched off"));
        assertEquals(Delivery.WEEKLY_DIGEST, stored("edu.user", ReminderKind.RETURNS_DUE));
    }

    @Test
    void forgedTruncatedAlteredAndOtherKeyTokensAreNotValidAndChangeNothing() throws Exception {
        String real = token(links.link("nps.user", ReminderKind.VALUE_RETURNED));
        String[] parts = real.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        // another user's: the payload swapped for nps.lead, keeping nps.user's signature
        String otherUser = b64.encodeToString("VALUE_RETURNED:nps.lead".getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        // another kind of the same user's
        String otherKind = b64.encodeToString("ACTIONS:nps.user".getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        // signed with a key that is not the gateway's
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("not-the-gateways-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String otherKey = parts[0] + "." + b64.encodeToString(mac.doFinal(("unsubscribe:VALUE_RETURNED:nps.user")
                .getBytes(StandardCharsets.UTF_8)));
        for (String bad : new String[]{"forged", real.substring(0, real.length() - 3), parts[0], parts[0] + ".",
                otherUser, otherKind, otherKey, real + ".x", "%%%", ""}) {
            Page get = anonymous().get(path(bad));
            assertEquals(400, get.status(), bad + ": " + get.body());
            assertTrue(get.body().contains("This link is not valid"), get.body());
            Page post = oneClick(path(bad));
            assertEquals(400, post.status(), bad + ": " + post.body());
            assertTrue(post.body().contains("This link is not valid"), post.body());
            assertFalse(post.body().contains("Exception") || post.body().contains("\tat "), "no stack trace");
        }
        assertEquals(400, oneClick("/notifications/unsubscribe").status(), "no token at all");
        assertEquals(Delivery.IMMEDIATE, stored("nps.user", ReminderKind.VALUE_RETURNED));
        assertEquals(Delivery.IMMEDIATE, stored("nps.lead", ReminderKind.VALUE_RETURNED));
        assertEquals(Delivery.IMMEDIATE, stored("nps.user", ReminderKind.ACTIONS));

        assertTrue(signed.verify(real).isPresent(), "the real one still is");
        assertEquals(400, oneClick(path(signed.token("nobody.here", ReminderKind.ACTIONS))).status(),
                "signed, but for nobody in the directory");
    }

    @Test
    void theExemptionIsThatOnePathOnly() {
        Browserless user = anonymous();
        user.signIn("crc.user", Browserless.DEMO_PASSWORD);
        Page noToken = user.send(HttpRequest.POST("/account/reminders?t=" + URLEncoder.encode(
                        signed.token("crc.user", ReminderKind.RETURNS_DUE), StandardCharsets.UTF_8),
                        "RETURNS_DUE=WEEKLY_DIGEST&VALUE_RETURNED=WEEKLY_DIGEST")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(403, noToken.status(), "a signed t does not excuse another form");
        assertEquals(403, user.postForm("/notifications/unsubscribe/", java.util.Map.of()).status(), "nor a path that only looks alike");
        assertEquals(Delivery.IMMEDIATE, stored("crc.user", ReminderKind.RETURNS_DUE));
    }
}
