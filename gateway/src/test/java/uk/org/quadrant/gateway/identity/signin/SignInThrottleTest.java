package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(Duration.ofMinutes(15), 5, 10, 30, Duration.ofMinutes(15)), clock);

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        assertTrue(throttle.refusal("chair", "10.0.0.1").isEmpty());
    }

    @Test
    void afterTheFreeFailuresEachAttemptWaitsLongerAndLonger() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(1), throttle.refusal("chair", "10.0.0.1").orElseThrow());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(throttle.refusal("chair", "10.0.0.1").isEmpty());
        throttle.failed("chair", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.refusal("chair", "10.0.0.1").orElseThrow());
        assertTrue(throttle.refusal("manager", "10.0.0.2").isEmpty(), "other accounts and clients are not slowed");
    }

    @Test
    void anAccountIsBlockedAfterTenFailuresWhateverTheClient() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("Chair ", "10.0.0." + i);
        }
        Duration wait = throttle.refusal("chair", "192.168.1.1").orElseThrow();
        assertEquals(Duration.ofMinutes(15), wait, "the username is matched as typed, trimmed, any case");
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertTrue(throttle.refusal("chair", "192.168.1.1").isEmpty(), "the block lifts by itself");
    }

    @Test
    void aClientTryingManyAccountsIsBlocked() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertTrue(throttle.refusal("someone-new", "10.9.9.9").isPresent());
        assertTrue(throttle.refusal("someone-new", "10.9.9.8").isEmpty());
    }

    @Test
    void successClearsTheAccountsCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        throttle.succeeded("chair");
        assertTrue(throttle.refusal("chair", "10.0.0.1").isEmpty());
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertTrue(throttle.refusal("chair", "10.0.0.1").isEmpty());
    }

    @Test
    void aLaterFailureKeepsTheCountPastTheWindowOfTheFirst() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.2");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertEquals(Duration.ofMinutes(9), throttle.refusal("chair", "10.0.0.3").orElseThrow(),
                "blocked at the tenth failure for 15 minutes, though the first five left the window");
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertTrue(throttle.refusal("chair", "10.0.0.3").isEmpty());
    }

    @Test
    void aFailureExactlyAWindowOldStillCounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("chair", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        throttle.failed("chair", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.refusal("chair", "10.0.0.1").orElseThrow(), "six failures within the window");
        clock.now = clock.now.plusNanos(1);
        throttle.failed("chair", "10.0.0.1");
        assertTrue(throttle.refusal("chair", "10.0.0.1").isEmpty(), "the first five have left the window: two failures count");
    }
}
