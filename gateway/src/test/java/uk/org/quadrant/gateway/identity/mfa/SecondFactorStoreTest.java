package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor's store on the real database (H2 here, MariaDB with {@code -Pmysql}): a code is accepted
 * once, by one conditional UPDATE, even when two requests race; earlier codes after a later one, and codes two
 * steps away, are refused; a recovery code works once; every event reaches the change log.
 */
@MicronautTest(transactional = false)
class SecondFactorStoreTest {

    static final Instant T = Instant.parse("2026-12-07T22:00:10Z");

    @Inject
    SecondFactors factors;
    @Inject
    SealedSecrets sealed;
    @Inject
    SecondFactorRepository repository;
    @Inject
    UserAccountRepository users;
    @Inject
    ChangeLogRepository changes;
    @Inject
    DataSource dataSource;

    @AfterEach
    void realClock() {
        factors.clock(Clock.systemUTC());
    }

    private void at(Instant instant) {
        factors.clock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Enrols {@code username} at {@link #T} with the code of step(T); returns the secret and the recovery codes. */
    private Enrolled enrol(String username) {
        at(T);
        Enrolment e = factors.begin(username).orElseThrow();
        byte[] secret = Base32.decode(e.key());
        assertTrue(factors.confirm(username, "000000".equals(Totp.code(secret, Totp.step(T))) ? "111111" : "000000", "CSC").isEmpty(),
                "a wrong code does not confirm");
        assertFalse(factors.hasConfirmed(username));
        List<String> codes = factors.confirm(username, Totp.code(secret, Totp.step(T)), "CSC").orElseThrow();
        assertTrue(factors.hasConfirmed(username));
        return new Enrolled(secret, codes);
    }

    record Enrolled(byte[] secret, List<String> recoveryCodes) {
    }

    @Test
    void enrolmentIsConfirmedByACodeAndLoggedWithoutTheSecret() {
        Enrolled e = enrol("csc.lead");
        assertEquals(10, e.recoveryCodes().size());
        assertEquals(10, factors.status("csc.lead").recoveryCodesLeft());
        UserAccount account = users.findByUsername("csc.lead").orElseThrow();
        SecondFactor row = repository.findById(account.id()).orElseThrow();
        assertTrue(row.confirmed());
        assertEquals(Totp.step(T), row.lastUsedStep(), "the confirming code is used up");
        assertFalse(row.sealedSecret().contains(Base32.encode(e.secret())), "the secret is sealed");
        ChangeLogEntry logged = latest("csc.lead", "MFA_ENROL");
        String all = logged.newValue() + " " + logged.oldValue();
        for (String code : e.recoveryCodes()) {
            assertFalse(all.contains(code));
        }
        assertFalse(all.contains(Base32.encode(e.secret())));
        // A second enrolment cannot begin over a confirmed one.
        assertTrue(factors.begin("csc.lead").isEmpty());
    }

    @Test
    void aUsedCodeAndAnyEarlierOneAreRefusedALaterOneIsAccepted() {
        Enrolled e = enrol("tvp.lead");
        long s = Totp.step(T);
        at(T.plusSeconds(30));
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("tvp.lead", Totp.code(e.secret(), s)).outcome(),
                "the confirming code again: a replay");
        assertEquals(SecondFactors.Outcome.TOTP, factors.verify("tvp.lead", Totp.code(e.secret(), s + 1)).outcome());
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("tvp.lead", Totp.code(e.secret(), s + 1)).outcome(), "replayed");
        at(T.plusSeconds(60));
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("tvp.lead", Totp.code(e.secret(), s + 1)).outcome(),
                "an older code, still within the skew, after a later one");
        assertEquals(SecondFactors.Outcome.TOTP, factors.verify("tvp.lead", Totp.code(e.secret(), s + 2)).outcome());
    }

    @Test
    void oneStepOfSkewIsAcceptedTwoAreRefused() {
        Enrolled e = enrol("oh.lead");
        long s = Totp.step(T) + 10;
        at(Instant.ofEpochSecond(s * Totp.STEP_SECONDS + 15));
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("oh.lead", Totp.code(e.secret(), s - 2)).outcome(), "two steps slow");
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("oh.lead", Totp.code(e.secret(), s + 2)).outcome(), "two steps fast");
        assertEquals(SecondFactors.Outcome.TOTP, factors.verify("oh.lead", Totp.code(e.secret(), s - 1)).outcome(), "one step slow");
        assertEquals(SecondFactors.Outcome.TOTP, factors.verify("oh.lead", Totp.code(e.secret(), s + 1)).outcome(), "one step fast");
    }

    @Test
    void twoRacingRequestsWithOneCodeGetOneAcceptance() throws Exception {
        Enrolled e = enrol("ouh.lead");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 1; round <= 5; round++) {
                long step = Totp.step(T) + round * 3;
                at(Instant.ofEpochSecond(step * Totp.STEP_SECONDS));
                String code = Totp.code(e.secret(), step);
                List<SecondFactors.Outcome> outcomes = race(pool, 4, () -> factors.verify("ouh.lead", code).outcome());
                assertEquals(1, outcomes.stream().filter(o -> o == SecondFactors.Outcome.TOTP).count(), "round " + round + ": " + outcomes);
            }
            // A recovery code raced four ways is used once.
            String recovery = e.recoveryCodes().get(0);
            List<SecondFactors.Outcome> outcomes = race(pool, 4, () -> factors.verify("ouh.lead", recovery).outcome());
            assertEquals(1, outcomes.stream().filter(o -> o == SecondFactors.Outcome.RECOVERY_CODE).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> race(ExecutorService pool, int n, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void aRecoveryCodeWorksOnceAndItsUseIsLogged() {
        Enrolled e = enrol("yjs.lead");
        String code = e.recoveryCodes().get(3);
        SecondFactors.Verification first = factors.verify("yjs.lead", code.toUpperCase().replace("-", " "));
        assertEquals(SecondFactors.Outcome.RECOVERY_CODE, first.outcome());
        assertEquals(9, first.recoveryCodesLeft());
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("yjs.lead", code).outcome());
        assertEquals("9 recovery codes left", latest("yjs.lead", "MFA_RECOVERY_CODE_USED").newValue());
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("yjs.lead", "aaaa-bbbb-cccc-dddd-eeee-ffff").outcome());
    }

    @Test
    void newRecoveryCodesNeedACurrentCodeAndRetireTheOldOnes() {
        Enrolled e = enrol("nps.lead");
        at(T.plusSeconds(30));
        assertTrue(factors.regenerate("nps.lead", e.recoveryCodes().get(0), "NPS").isEmpty(), "a recovery code does not make new ones");
        List<String> fresh = factors.regenerate("nps.lead", Totp.code(e.secret(), Totp.step(T) + 1), "NPS").orElseThrow();
        assertEquals(10, fresh.size());
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("nps.lead", e.recoveryCodes().get(1)).outcome(), "old codes retired");
        assertEquals(SecondFactors.Outcome.RECOVERY_CODE, factors.verify("nps.lead", fresh.get(1)).outcome());
        assertNotNull(latest("nps.lead", "MFA_RECOVERY_CODES"));
    }

    @Test
    void turningOffNeedsACurrentCode() {
        Enrolled e = enrol("crc.lead");
        at(T.plusSeconds(30));
        assertFalse(factors.turnOff("crc.lead", "000000".equals(Totp.code(e.secret(), Totp.step(T) + 1)) ? "111111" : "000000", "CRC").accepted());
        assertTrue(factors.hasConfirmed("crc.lead"));
        assertTrue(factors.turnOff("crc.lead", Totp.code(e.secret(), Totp.step(T) + 1), "CRC").accepted());
        assertFalse(factors.hasConfirmed("crc.lead"));
        assertEquals(SecondFactors.Outcome.NO_FACTOR, factors.verify("crc.lead", Totp.code(e.secret(), Totp.step(T) + 1)).outcome());
        assertEquals("crc.lead", latest("crc.lead", "MFA_OFF").changedBy());
    }

    @Test
    void theManagersResetRemovesTheFactorAndEndsTheSessions() {
        enrol("ph.lead");
        Instant before = users.findByUsername("ph.lead").orElseThrow().sessionsValidAfter();
        assertTrue(factors.reset("ph.lead", new ChangedBy("manager", "BOARD")));
        assertFalse(factors.hasConfirmed("ph.lead"));
        assertFalse(factors.status("ph.lead").begun());
        assertNotEquals(before, users.findByUsername("ph.lead").orElseThrow().sessionsValidAfter(), "sessions ended");
        ChangeLogEntry logged = latest("ph.lead", "MFA_RESET");
        assertEquals("manager", logged.changedBy());
        assertFalse(factors.reset("ph.lead", new ChangedBy("manager", "BOARD")), "nothing to reset: nothing logged");
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnUsername() {
        String sealedForA = sealed.seal(new byte[] {1, 2, 3}, "tvp.user");
        assertEquals(3, sealed.open(sealedForA, "tvp.user").length);
        assertThrows(IllegalStateException.class, () -> sealed.open(sealedForA, "csc.user"));
        assertNotEquals(sealedForA, sealed.seal(new byte[] {1, 2, 3}, "tvp.user"), "a fresh IV each time");
    }

    @Test
    void afterAKeyRotationTheAppCodesAreRefusedAndTheRecoveryCodesStillWork() throws Exception {
        Enrolled e = enrol("ei.lead");
        long userId = users.findByUsername("ei.lead").orElseThrow().id();
        // A secret this key cannot open for this account, as after a new signing key.
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE second_factor SET sealed_secret = ? WHERE user_id = ?")) {
            update.setString(1, sealed.seal(e.secret(), "someone.else"));
            update.setLong(2, userId);
            assertEquals(1, update.executeUpdate());
        }
        at(T.plusSeconds(30));
        assertEquals(SecondFactors.Outcome.REFUSED, factors.verify("ei.lead", Totp.code(e.secret(), Totp.step(T) + 1)).outcome(),
                "refused, not an error");
        assertEquals(SecondFactors.Outcome.RECOVERY_CODE, factors.verify("ei.lead", e.recoveryCodes().get(0)).outcome());
        assertTrue(factors.turnOff("ei.lead", e.recoveryCodes().get(1), "EI").accepted(), "and the person can start again");
    }

    private ChangeLogEntry latest(String username, String action) {
        return changes.list(Pageable.from(0, 200, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(c -> c.entityId().equals(username) && c.action().equals(action))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " for " + username + " in the change log"));
    }
}
