package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.csrf.CsrfTokens;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.tokens.SessionIds;
import uk.org.quadrant.gateway.identity.mfa.Browserless.Res;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor through the gateway's HTTP routes: the sign-in's second step (replay, throttle, forged
 * and tampered fields, expired pending sign-in), recovery codes at sign-in, the token API's {@code code},
 * the person's own security page, and the manager's reset. Demo users, the demo's setting (MFA optional).
 */
@MicronautTest(transactional = false)
class SecondFactorSignInTest {

    static final Instant T = Instant.parse("2026-12-07T21:00:10Z");

    @Inject
    EmbeddedServer server;
    @Inject
    SecondFactors factors;
    @Inject
    PendingSignIns pending;
    @Inject
    SessionIds sessionIds;
    @Inject
    CsrfTokens csrfTokens;
    @Inject
    ChangeLogRepository changes;
    @Inject
    DirectoryAdministration directory;

    private Browserless http;
    /** The step the clock of {@link SecondFactors} is at now; moved on by {@link #next()}. */
    private long step;

    @BeforeEach
    void start() {
        http = new Browserless(server.getURL().toString());
        step = Totp.step(T);
        factors.clock(Clock.fixed(T, ZoneOffset.UTC));
    }

    @AfterEach
    void realClocks() {
        factors.clock(Clock.systemUTC());
        pending.clock(Clock.systemUTC());
    }

    /** Thirty seconds on: a new step, so a new code. */
    private long next() {
        step++;
        factors.clock(Clock.fixed(Instant.ofEpochSecond(step * Totp.STEP_SECONDS + 5), ZoneOffset.UTC));
        return step;
    }

    private record Enrolled(byte[] secret, List<String> recoveryCodes) {
        String code(long step) {
            return Totp.code(secret, step);
        }
    }

    private Enrolled enrol(String username) {
        Enrolment e = factors.begin(username).orElseThrow();
        byte[] secret = Base32.decode(e.key());
        List<String> codes = factors.confirm(username, Totp.code(secret, step), "X").orElseThrow();
        return new Enrolled(secret, codes);
    }

    private String csrf(String session) {
        return csrfTokens.forSession(sessionIds.of(session).orElseThrow());
    }

    private String signInWithoutFactor(String username) {
        Res res = http.password(username);
        assertEquals(303, res.status(), res::toString);
        return res.session().orElseThrow();
    }

    @Test
    void aCorrectPasswordGivesTheCodeFormNotASessionAndTheCodeGivesTheSession() {
        Enrolled e = enrol("tvp.lead");
        Res form = http.password("tvp.lead");
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.session().isEmpty(), "no session before the code");
        assertTrue(form.body().contains("action=\"/login/code\""), form::toString);
        assertTrue(form.body().contains("autocomplete=\"one-time-code\""));
        String token = form.input("pending");

        // The code, and a forged username: whose sign-in it is comes from the signed pending sign-in alone.
        Res done = http.post("/login/code", null, null, "pending", token, "code", e.code(next()), "username", "manager");
        assertEquals(303, done.status(), done::toString);
        assertEquals("/", done.location());
        String session = done.session().orElseThrow();
        Res me = http.getJson("/api/v1/me", session);
        assertEquals(200, me.status(), me::toString);
        assertTrue(me.body().contains("\"tvp.lead\""), me.body());
        assertFalse(me.body().contains("\"manager\""), me.body());

        // The same code again, on a new password step: refused (a replay), no session.
        Res again = http.post("/login/code", null, null, "pending", http.password("tvp.lead").input("pending"), "code", e.code(step));
        assertEquals(401, again.status(), again::toString);
        assertTrue(again.session().isEmpty());
        assertTrue(again.body().contains(SecondStepController.CODE_WRONG), again::toString);
        assertTrue(again.body().contains("href=\"#code\""), "the error summary names the field");
    }

    @Test
    void anEmptyCodeIsAskedForByName() {
        enrol("edu.lead");
        Res res = http.post("/login/code", null, null, "pending", http.password("edu.lead").input("pending"), "code", " ");
        assertEquals(400, res.status(), res::toString);
        assertTrue(res.body().contains(SecondStepController.CODE_MISSING));
        assertTrue(res.body().contains("id=\"code-error\""));
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        Enrolled e = enrol("csc.lead");
        String token = http.password("csc.lead").input("pending");
        String right = e.code(next());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            Res res = http.post("/login/code", null, null, "pending", token, "code", wrong);
            assertEquals(401, res.status(), () -> "wrong code " + res);
        }
        Res blocked = http.post("/login/code", null, null, "pending", token, "code", right);
        assertEquals(429, blocked.status(), "the sixth attempt at once waits, whatever the code: " + blocked);
        assertTrue(blocked.body().contains("Too many failed attempts"), blocked::toString);
        assertTrue(blocked.session().isEmpty());
        // Same counts as the password: the password form is held back too.
        Res password = http.password("csc.lead");
        assertEquals(429, password.status(), password::toString);
    }

    @Test
    void aTamperedExpiredOrOutdatedPendingSignInIsRefused() {
        Enrolled e = enrol("ccg.lead");
        String token = http.password("ccg.lead").input("pending");
        String[] parts = token.split("\\.");

        // Another account's name in the token, the signature kept: refused.
        String otherName = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("manager".getBytes());
        String renamed = parts[0] + "." + otherName + "." + parts[2] + "." + parts[3] + "." + parts[4];
        // A later expiry, the signature kept: refused.
        String prolonged = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 3600) + "." + parts[4];
        for (String bad : List.of(renamed, prolonged, token.substring(0, token.length() - 2) + "xx", "", "v1.a.b.c.d")) {
            Res res = http.post("/login/code", null, null, "pending", bad, "code", e.code(step + 1));
            assertEquals(400, res.status(), () -> bad + " -> " + res);
            assertTrue(res.body().contains(SecondStepController.START_AGAIN), res::toString);
            assertTrue(res.session().isEmpty());
        }

        // Expired: five minutes and a second later.
        pending.clock(Clock.offset(Clock.systemUTC(), PendingSignIns.LIFETIME.plusSeconds(1)));
        Res expired = http.post("/login/code", null, null, "pending", token, "code", e.code(next()));
        assertEquals(400, expired.status(), expired::toString);
        assertTrue(expired.body().contains(SecondStepController.START_AGAIN));
        pending.clock(Clock.systemUTC());

        // Signed out everywhere (or the password reset) after the password step: the pending sign-in is void.
        directory.endSessions("ccg.lead");
        Res outdated = http.post("/login/code", null, null, "pending", token, "code", e.code(next()));
        assertEquals(400, outdated.status(), outdated::toString);
        assertTrue(outdated.session().isEmpty());

        // A fresh one still works: the refusals above were about the token, not the code.
        Res fresh = http.post("/login/code", null, null, "pending", http.password("ccg.lead").input("pending"), "code", e.code(next()));
        assertEquals(303, fresh.status(), fresh::toString);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndSaysHowManyAreLeft() {
        Enrolled e = enrol("ph.lead");
        Res done = http.post("/login/code", null, null, "pending", http.password("ph.lead").input("pending"),
                "code", e.recoveryCodes().get(0).toUpperCase());
        assertEquals(303, done.status(), done::toString);
        assertEquals("/account/security?notice=RECOVERY_CODE_USED&subject=9+unused+recovery+codes", done.location());
        Res page = http.get(done.location(), done.session().orElseThrow());
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("You have 9 unused recovery codes left"), page::toString);
        assertEquals("9 unused codes", page.text("recovery-codes-left"));

        Res reused = http.post("/login/code", null, null, "pending", http.password("ph.lead").input("pending"), "code", e.recoveryCodes().get(0));
        assertEquals(401, reused.status(), reused::toString);
    }

    @Test
    void theTokenApiAsksForTheCode() {
        Enrolled e = enrol("yjs.lead");
        String credentials = "\"username\":\"yjs.lead\",\"password\":\"" + Browserless.PASSWORD + "\"";
        Res missing = http.postJson("/api/v1/auth/token", "{" + credentials + "}");
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing::toString);
        assertTrue(missing.body().contains("\"field\":\"code\""), missing::toString);

        String right = e.code(next());
        Res wrong = http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + (right.equals("000000") ? "111111" : "000000") + "\"}");
        assertEquals(401, wrong.status(), wrong::toString);
        assertTrue(wrong.body().contains("\"field\":\"code\""), wrong::toString);
        assertFalse(wrong.body().contains("access_token"));

        Res ok = http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + right + "\"}");
        assertEquals(200, ok.status(), ok::toString);
        assertTrue(ok.body().contains("access_token"));
        Res replay = http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + right + "\"}");
        assertEquals(401, replay.status(), "a used code buys no second token: " + replay);

        Res recovery = http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + e.recoveryCodes().get(5) + "\"}");
        assertEquals(200, recovery.status(), recovery::toString);

        // Wrong codes count in the throttle (the right recovery code above cleared the count): 5, then the API waits too.
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + e.recoveryCodes().get(5) + "\"}").status());
        }
        Res throttled = http.postJson("/api/v1/auth/token", "{" + credentials + ",\"code\":\"" + e.code(next()) + "\"}");
        assertEquals(429, throttled.status(), throttled::toString);

        // An account without a factor needs no code (the demo's setting requires none).
        Res plain = http.postJson("/api/v1/auth/token", "{\"username\":\"yjs.user\",\"password\":\"" + Browserless.PASSWORD + "\"}");
        assertEquals(200, plain.status(), plain::toString);
    }

    @Test
    void thePersonSetsUpTheirAppOnTheirOwnPageAndTurnsItOff() {
        String session = signInWithoutFactor("chair");
        String csrf = csrf(session);
        Res page = http.get("/account/security", session);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Set up an authenticator app"), page::toString);

        Res setUp = http.post("/account/security/setup", session, csrf);
        assertEquals(303, setUp.status(), setUp::toString);
        page = http.get("/account/security", session);
        assertTrue(page.body().contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the QR code, inline");
        assertTrue(page.body().contains("role=\"img\" aria-labelledby=\"qr-title\""));
        String key = page.text("totp-key");
        assertTrue(key.matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), "the key grouped for typing: " + key);
        assertTrue(page.body().contains("otpauth://totp/Quadrant:chair?secret=" + key.replace(" ", "") + "&amp;issuer=Quadrant"), page::toString);
        byte[] secret = Base32.decode(key);

        Res empty = http.post("/account/security/confirm", session, csrf, "code", "");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.body().contains("href=\"#code\"") && empty.body().contains("id=\"code-error\""), empty::toString);
        String right = Totp.code(secret, step);
        Res wrong = http.post("/account/security/confirm", session, csrf, "code", right.equals("000000") ? "111111" : "000000");
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.body().contains("The code is not right"), wrong::toString);

        Res confirmed = http.post("/account/security/confirm", session, csrf, "code", right);
        assertEquals(200, confirmed.status(), confirmed::toString);
        Matcher codes = Pattern.compile("<code class=\"quadrant-recovery-code\">([a-z2-7-]+)</code>").matcher(confirmed.body());
        int count = 0;
        while (codes.find()) {
            count++;
        }
        assertEquals(10, count, confirmed::toString);
        page = http.get("/account/security", session);
        assertTrue(page.body().contains("Turn off authenticator app"), page::toString);
        assertFalse(page.body().contains("totp-key"), "the key is never shown again");

        Res newCodes = http.post("/account/security/recovery-codes", session, csrf, "newCodesCode", Totp.code(secret, next()));
        assertEquals(200, newCodes.status(), newCodes::toString);
        assertTrue(newCodes.body().contains("Your old recovery codes no longer work"));

        Res offEmpty = http.post("/account/security/off", session, csrf, "offCode", "");
        assertEquals(400, offEmpty.status());
        assertTrue(offEmpty.body().contains("href=\"#offCode\""), offEmpty::toString);
        Res off = http.post("/account/security/off", session, csrf, "offCode", Totp.code(secret, next()));
        assertEquals(303, off.status(), off::toString);
        assertEquals("/account/security?notice=MFA_OFF", off.location());
        assertFalse(factors.hasConfirmed("chair"));

        List<String> logged = changes.list(Pageable.from(0, 50, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(c -> c.entityId().equals("chair")).map(c -> c.action()).toList();
        assertTrue(logged.containsAll(List.of("MFA_ENROL", "MFA_RECOVERY_CODES", "MFA_OFF")), logged.toString());
    }

    @Test
    void theManagerResetsSomeonesFactorAndTheirSessionsEnd() {
        Enrolled e = enrol("tvp.user");
        Res done = http.post("/login/code", null, null, "pending", http.password("tvp.user").input("pending"), "code", e.code(next()));
        String victim = done.session().orElseThrow();
        assertEquals(200, http.getJson("/api/v1/me", victim).status());

        String manager = signInWithoutFactor("manager");
        Res page = http.get("/admin/users/tvp.user", manager);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Reset second factor"), page::toString);
        assertTrue(page.body().contains("10</span> unused recovery codes"), page::toString);

        Res reset = http.post("/admin/users/tvp.user/second-factor/reset", manager, csrf(manager));
        assertEquals(303, reset.status(), reset::toString);
        assertEquals("/admin/users/tvp.user?notice=RESET&subject=tvp.user", reset.location());
        assertFalse(factors.hasConfirmed("tvp.user"));
        assertEquals(401, http.getJson("/api/v1/me", victim).status(), "the person's sessions ended");
        Res after = http.get(reset.location(), manager);
        assertTrue(after.body().contains("The second factor of tvp.user is removed"), after::toString);
        assertTrue(after.body().contains("has no authenticator app set up"), after::toString);
        assertEquals("manager", changes.list(Pageable.from(0, 50, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(c -> c.entityId().equals("tvp.user") && c.action().equals("MFA_RESET")).findFirst().orElseThrow().changedBy());

        // Signing in now takes the password alone.
        assertEquals(303, http.password("tvp.user").status());
        // The manager's own factor is not reset from here.
        Res self = http.post("/admin/users/manager/second-factor/reset", manager, csrf(manager));
        assertEquals(400, self.status(), self::toString);
    }

    @Test
    void hostileInputOnTheSecondFactorFormsIsRefusedPlainly() {
        enrol("oh.user");
        String token = http.password("oh.user").input("pending");
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        for (String code : List.of("9".repeat(100_000), payload, "１２３４５６", "12345\u0000", "' OR '1'='1")) {
            Res res = http.post("/login/code", null, null, "pending", token, "code", code);
            assertTrue(res.status() == 400 || res.status() == 401, () -> code.length() + " chars -> " + res);
            assertFalse(res.body().contains("<script>alert(1)") || res.body().contains("<img src=x"), "never echoed unescaped");
            assertFalse(res.body().contains("Exception") || res.body().contains("\tat "), "no stack trace");
            assertTrue(res.session().isEmpty());
        }
        for (String pendingToken : List.of("x".repeat(100_000), payload, "v1." + "a".repeat(5000))) {
            Res res = http.post("/login/code", null, null, "pending", pendingToken, "code", "123456");
            assertEquals(400, res.status(), res::toString);
            assertFalse(res.body().contains("<script>alert(1)"));
        }
        String session = signInWithoutFactor("oh.lead");
        for (String field : List.of("code", "offCode", "newCodesCode")) {
            String path = switch (field) {
                case "code" -> "/account/security/confirm";
                case "offCode" -> "/account/security/off";
                default -> "/account/security/recovery-codes";
            };
            Res res = http.post(path, session, csrf(session), field, "7".repeat(100_000));
            assertEquals(400, res.status(), () -> path + " -> " + res);
            assertTrue(res.body().contains("href=\"#" + field + "\""), () -> path + ": the error names the field: " + res);
        }
        Res json = http.postJson("/api/v1/auth/token", "{\"username\":\"oh.user\",\"password\":\"" + Browserless.PASSWORD
                + "\",\"code\":\"" + "1".repeat(65) + "\"}");
        assertEquals(400, json.status(), json::toString);
        assertTrue(json.body().contains("\"field\":\"code\""), json::toString);
    }

    @Test
    void everySecondFactorFormNeedsItsCsrfToken() {
        Enrolled e = enrol("vcs.lead");
        String token = http.password("vcs.lead").input("pending");
        Res step = http.post("/login/code", null, "not-the-pre-session-token", "pending", token, "code", e.code(next()));
        assertEquals(403, step.status(), step::toString);
        assertTrue(step.session().isEmpty());

        String chair = signInWithoutFactor("chair");
        for (String path : List.of("/account/security/setup", "/account/security/confirm", "/account/security/off",
                "/account/security/recovery-codes")) {
            Res res = http.post(path, chair, "a-token-of-no-session", "code", "123456", "offCode", "123456", "newCodesCode", "123456");
            assertEquals(403, res.status(), () -> path + " -> " + res);
        }
        assertFalse(factors.status("chair").begun(), "the refused set-up began nothing");

        String manager = signInWithoutFactor("manager");
        Res reset = http.post("/admin/users/vcs.lead/second-factor/reset", manager, csrf(chair));
        assertEquals(403, reset.status(), "another session's token: " + reset);
        assertTrue(factors.hasConfirmed("vcs.lead"), "nothing reset");
    }

    @Test
    void withoutAFactorSignInIsUnchanged() {
        Res res = http.password("vcs.user");
        assertEquals(303, res.status(), res::toString);
        assertEquals("/", res.location());
        assertTrue(res.session().isPresent());
        assertEquals(303, http.get("/login/code", null).status(), "the step has no page of its own");
    }
}
