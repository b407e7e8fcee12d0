package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.agency.FormsTestBase;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;
import uk.org.quadrant.gateway.support.Browserless;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, sessions: each browser session has a row; sign-out ends that session only; the sessions page
 * lists one's own and ends any of them, or all the others (API tokens too); the manager ends one or all of
 * a user's; the chair cannot; a session of someone else's is a 404 whatever id is posted. Two gateways on
 * one database: a session ended on one is refused on the other within the session-check cache time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest extends FormsTestBase {

    private static final Pattern END = Pattern.compile("action=\"(/account/sessions/(\\d+)/end)\"");

    private EmbeddedServer other;
    private HttpClient otherClient;

    @Inject
    TokenIssuer issuer;
    @Inject
    UserDirectory directory;
    @Inject
    ChangeLogRepository changes;
    @Inject
    SessionLedger ledger;

    @BeforeAll
    void startSecondGateway() {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("flyway.datasources.default.enabled", false);
        props.put("quadrant.demo-data.enabled", false);
        other = ApplicationContext.run(EmbeddedServer.class, props, "test");
        io.micronaut.http.client.DefaultHttpClientConfiguration config = new io.micronaut.http.client.DefaultHttpClientConfiguration();
        config.setFollowRedirects(false);
        otherClient = HttpClient.create(other.getURL(), config);
    }

    @AfterAll
    void stopSecondGateway() {
        otherClient.close();
        other.close();
    }

    @Test
    void signOutEndsThisSessionOnlyAndTheSessionsPageListsTheOthers() {
        Browserless first = signedIn("csc.user");
        Browserless second = signedIn("csc.user");
        Browserless.Page page = first.get("/account/sessions");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("This session"), page.body());
        assertTrue(ids(page).size() >= 2, page.body());
        assertFalse(page.body().contains(first.cookie("quadrant_session").orElseThrow().substring(0, 20)), "no token on the page");

        String secondSid = sidOf(second);
        Browserless.Page out = post(second, "/logout", second.csrfToken());
        assertEquals(303, out.status());
        assertTrue(ledger.find(secondSid).orElseThrow().ended(), "the signed-out session is marked ended");
        assertEquals(200, first.get("/account/sessions").status(), "the other session goes on");
        assertTrue(ledger.find(sidOf(first)).map(s -> !s.ended()).orElse(false));
    }

    @Test
    void oneEndsAnotherOfTheirSessionsAndItIsRefusedAtOnce() {
        Browserless laptop = signedIn("csc.lead");
        Browserless phone = signedIn("csc.lead");
        String phoneSid = sidOf(phone);
        long phoneId = ledger.find(phoneSid).orElseThrow().id();
        Browserless.Page ended = post(laptop, "/account/sessions/" + phoneId + "/end", laptop.csrfToken());
        assertEquals(303, ended.status(), ended.body());
        assertTrue(redirectsToLogin(phone.get("/account/sessions")), "the ended session is refused");
        assertEquals(200, laptop.get("/account/sessions").status());
        assertTrue(log("csc.lead").stream().anyMatch(e -> e.action().equals("SESSION_ENDED")));
    }

    @Test
    void endingYourOwnCurrentSessionSignsYouOut() {
        Browserless b = signedIn("edu.user");
        long id = ledger.find(sidOf(b)).orElseThrow().id();
        Browserless.Page ended = post(b, "/account/sessions/" + id + "/end", b.csrfToken());
        assertEquals(303, ended.status());
        assertTrue(ended.location().startsWith("/login"));
        assertTrue(redirectsToLogin(b.get("/account/sessions")));
    }

    @Test
    void aSessionOfSomeoneElsesCannotBeEndedFromYourPage() {
        Browserless victim = signedIn("tvp.user");
        long victimId = ledger.find(sidOf(victim)).orElseThrow().id();
        Browserless attacker = signedIn("oh.user");
        Browserless.Page refused = post(attacker, "/account/sessions/" + victimId + "/end", attacker.csrfToken(),
                "username", "tvp.user");
        assertEquals(404, refused.status());
        assertFalse(attacker.get("/account/sessions").body().contains("/account/sessions/" + victimId + "/end"),
                "another's session is not listed");
        assertEquals(200, victim.get("/account/sessions").status(), "the victim's session goes on");
    }

    @Test
    void signingOutOfAllOtherSessionsEndsThemAndTheApiTokensButNotThisOne() {
        Browserless here = signedIn("oh.lead");
        Browserless there = signedIn("oh.lead");
        String bearer = apiToken("oh.lead");
        assertEquals(200, api(bearer));
        Browserless.Page done = post(here, "/account/sessions/end-others", here.csrfToken());
        assertEquals(303, done.status(), done.body());
        assertEquals(200, here.get("/account/sessions").status(), "this session goes on (re-issued)");
        assertTrue(redirectsToLogin(there.get("/account/sessions")));
        assertEquals(401, api(bearer));
        assertTrue(log("oh.lead").stream().anyMatch(e -> e.action().equals("OTHER_SESSIONS_ENDED")));
    }

    @Test
    void theManagerSeesAndEndsAUsersSessionsAndTheChairCannot() {
        Browserless user1 = signedIn("yjs.user");
        Browserless user2 = signedIn("yjs.user");
        Browserless manager = signedIn("manager");
        Browserless.Page list = manager.get("/admin/users/yjs.user/sessions");
        assertEquals(200, list.status());
        assertTrue(manager.get("/admin/users/yjs.user").body().contains("/admin/users/yjs.user/sessions"), "linked from the user page");
        long id1 = ledger.find(sidOf(user1)).orElseThrow().id();
        assertTrue(list.body().contains("/admin/users/yjs.user/sessions/" + id1 + "/end"), list.body());

        Browserless chair = signedIn("chair");
        assertEquals(403, chair.get("/admin/users/yjs.user/sessions").status());
        assertEquals(403, post(chair, "/admin/users/yjs.user/sessions/" + id1 + "/end", chair.csrfToken()).status());
        assertEquals(403, post(chair, "/admin/users/yjs.user/sessions/end-all", chair.csrfToken()).status());
        assertEquals(200, user1.get("/account/sessions").status(), "the chair ended nothing");

        // A session of another user, under this user's path: 404.
        long managersOwn = ledger.find(sidOf(manager)).orElseThrow().id();
        assertEquals(404, post(manager, "/admin/users/yjs.user/sessions/" + managersOwn + "/end", manager.csrfToken()).status());

        assertEquals(303, post(manager, "/admin/users/yjs.user/sessions/" + id1 + "/end", manager.csrfToken()).status());
        assertTrue(redirectsToLogin(user1.get("/account/sessions")));
        assertEquals(200, user2.get("/account/sessions").status());

        String bearer = apiToken("yjs.user");
        assertEquals(303, post(manager, "/admin/users/yjs.user/sessions/end-all", manager.csrfToken()).status());
        assertTrue(redirectsToLogin(user2.get("/account/sessions")));
        assertEquals(401, api(bearer));
        assertEquals(200, manager.get("/admin/users/yjs.user/sessions").status(), "the manager's own session goes on");
        List<ChangeLogEntry> log = log("yjs.user");
        assertTrue(log.stream().anyMatch(e -> e.action().equals("SESSION_ENDED") && e.changedBy().equals("manager")), log::toString);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("SESSIONS_ENDED") && e.changedBy().equals("manager")), log::toString);
    }

    @Test
    void aSessionIssuedBeforeTheTableIsValidUntilItExpires() {
        SignedInUser user = directory.findEnabled("ccg.user").orElseThrow();
        String sid = UUID.randomUUID().toString();
        Browserless b = new Browserless(http.toBlocking());
        b.setCookie("quadrant_session", issuer.renewSession(user, sid, user.sessionGeneration(), null).value());
        assertTrue(ledger.find(sid).isEmpty());
        assertEquals(200, b.get("/account/sessions").status());
    }

    @Test
    void aSessionEndedOnOneGatewayIsRefusedOnTheOther() throws Exception {
        Browserless here = signedIn("nps.user");
        Browserless there = new Browserless(otherClient.toBlocking());
        there.setCookie("quadrant_session", here.cookie("quadrant_session").orElseThrow());
        assertEquals(200, there.get("/account/sessions").status(), "the other gateway accepts the session");
        String sid = sidOf(here);
        Browserless.Page out = post(here, "/logout", here.csrfToken());
        assertEquals(303, out.status());
        assertTrue(ledger.find(sid).orElseThrow().ended());
        assertTrue(eventuallySignedOut(() -> there.get("/account/sessions"), Duration.ofSeconds(5)),
                "the other gateway refuses it within the session-check cache time");

        // And sessions ended from the other gateway's page are refused here.
        Browserless a = signedIn("nps.lead");
        Browserless b = new Browserless(otherClient.toBlocking());
        assertEquals(303, b.signIn("nps.lead", Browserless.DEMO_PASSWORD).status());
        long aId = ledger.find(sidOf(a)).orElseThrow().id();
        assertEquals(303, post(b, "/account/sessions/" + aId + "/end", b.csrfToken()).status());
        assertTrue(eventuallySignedOut(() -> a.get("/account/sessions"), Duration.ofSeconds(5)));
    }

    @Inject
    BrowserSessionRepository rows;
    @Inject
    SessionRetention retention;

    @Test
    void rowsPastTheRetentionArePrunedAndRecentOnesKept() {
        java.time.Instant old = java.time.Instant.now().minus(Duration.ofDays(91)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        java.time.Instant recent = java.time.Instant.now().minus(Duration.ofDays(89)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String oldSid = UUID.randomUUID().toString();
        String endedRecently = UUID.randomUUID().toString();
        rows.save(new BrowserSession(null, oldSid, "crc.user", old, old, null, null, null, null));
        rows.save(new BrowserSession(null, endedRecently, "crc.user", old, old, null, null, recent, "crc.user"));
        retention.prune();
        assertTrue(rows.findBySid(oldSid).isEmpty(), "last seen 91 days ago: deleted");
        assertTrue(rows.findBySid(endedRecently).isPresent(), "ended 89 days ago: kept");
    }

    @Test
    void theBrowserIsNamedInWords() {
        assertEquals("Chrome on Windows", DeviceNames.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"));
        assertEquals("Safari on iOS", DeviceNames.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"));
        assertEquals("Firefox on Linux", DeviceNames.of("Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"));
        assertEquals("Edge on Windows", DeviceNames.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0"));
        assertEquals("Unknown browser", DeviceNames.of(null));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static boolean eventuallySignedOut(Supplier<Browserless.Page> page, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (redirectsToLogin(page.get())) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private int api(String bearer) {
        return new Browserless(http.toBlocking()).send(HttpRequest.GET("/api/v1/me").header("Authorization", bearer)).status();
    }

    private String sidOf(Browserless browser) {
        String token = browser.cookie("quadrant_session").orElseThrow();
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(TokenIssuer.SESSION_ID);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean redirectsToLogin(Browserless.Page page) {
        return (page.status() == 302 || page.status() == 303) && page.location() != null && page.location().startsWith("/login");
    }

    private static List<Long> ids(Browserless.Page page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = END.matcher(page.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(2)));
        }
        return ids;
    }

    private List<ChangeLogEntry> log(String username) {
        return changes.list(Pageable.from(0, 1000, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(e -> e.entityId().equals(username)).toList();
    }

    static Browserless.Page post(Browserless browser, String path, String token, String... pairs) {
        List<String> parts = new ArrayList<>();
        parts.add("csrfToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.POST(path, String.join("&", parts))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }
}
