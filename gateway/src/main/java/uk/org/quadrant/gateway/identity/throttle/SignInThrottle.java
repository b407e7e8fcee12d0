package uk.org.quadrant.gateway.identity.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Usernames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Slows, then blocks, repeated failed sign-ins, per account (the username as typed, whether or not
 * it exists, so the answer never tells, folded by {@link Usernames#throttleKey} so that no spelling
 * the directory or its database could take for the same account has a count of its own) and per
 * client address (as {@code ClientAddressResolver} finds it). After {@code accountFreeFailures}
 * failures within the window, each further attempt on that account must wait a doubling delay
 * (1 s, 2 s, 4 s … up to a minute); after {@code accountBlockAfter} failures, or
 * {@code clientBlockAfter} from one client, attempts are refused for {@code blockFor} whatever the
 * password. A refused attempt never checks the password. Counts are held per gateway replica, in a
 * Caffeine cache that forgets a key once its last failure has left the window and no block is in
 * force (read on this class's clock, so a test's clock moves it too); a live count is never evicted.
 */
@Singleton
public class SignInThrottle {

    /** {@code quadrant.auth.throttle.*}. */
    @ConfigurationProperties("quadrant.auth.throttle")
    public record Settings(@Bindable(defaultValue = "PT15M") Duration window,
                           @Bindable(defaultValue = "5") int accountFreeFailures,
                           @Bindable(defaultValue = "10") int accountBlockAfter,
                           @Bindable(defaultValue = "50") int clientBlockAfter,
                           @Bindable(defaultValue = "PT15M") Duration blockFor) {
    }

    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final Settings settings;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    @Inject
    SignInThrottle(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().ticker(() -> nanos(clock.instant())).expireAfter(new UntilForgotten()).build();
    }

    /** How long this attempt must wait before it may be checked at all, if it must. */
    public Optional<Duration> refusal(String username, String client) {
        Instant now = clock.instant();
        Duration account = waitFor(accountKey(username), now, true);
        Duration byClient = waitFor(clientKey(client), now, false);
        Duration longest = account.compareTo(byClient) >= 0 ? account : byClient;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        record(accountKey(username), now, settings.accountBlockAfter());
        record(clientKey(client), now, settings.clientBlockAfter());
    }

    public void succeeded(String username) {
        failures.invalidate(accountKey(username));
    }

    private void record(String key, Instant now, int blockAfter) {
        failures.asMap().compute(key, (k, f) -> {
            Failures updated = f == null ? new Failures() : f;
            updated.add(now, settings.window());
            if (updated.count() >= blockAfter) {
                updated.block(now.plus(settings.blockFor()));
            }
            return updated;
        });
    }

    private Duration waitFor(String key, Instant now, boolean slowDown) {
        Failures f = failures.getIfPresent(key);
        if (f == null) {
            return Duration.ZERO;
        }
        synchronized (f) {
            if (f.blockedUntil != null && now.isBefore(f.blockedUntil)) {
                return Duration.between(now, f.blockedUntil);
            }
            f.prune(now, settings.window());
            int over = f.count() - settings.accountFreeFailures();
            if (!slowDown || over < 0 || f.last == null) {
                return Duration.ZERO;
            }
            Duration delay = Duration.ofSeconds(1L << Math.min(over, 6));
            if (delay.compareTo(MAX_DELAY) > 0) {
                delay = MAX_DELAY;
            }
            Instant allowedAt = f.last.plus(delay);
            return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
        }
    }

    /** A key is kept until just after {@link Failures#forgetAt}: until then it may still count. */
    private final class UntilForgotten implements Expiry<String, Failures> {
        @Override
        public long expireAfterCreate(String key, Failures f, long currentTime) {
            return Math.max(0, nanos(f.forgetAt(settings)) - currentTime) + 1;
        }

        @Override
        public long expireAfterUpdate(String key, Failures f, long currentTime, long currentDuration) {
            return expireAfterCreate(key, f, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Failures f, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String accountKey(String username) {
        return "account:" + Usernames.throttleKey(username);
    }

    private static String clientKey(String client) {
        return "client:" + (client == null ? "unknown" : client);
    }

    /** Failure times within the window, and a block if one is in force. */
    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant last;
        private Instant blockedUntil;

        synchronized void add(Instant now, Duration window) {
            prune(now, window);
            times.addLast(now);
            last = now;
        }

        synchronized void prune(Instant now, Duration window) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
        }

        /** The block is the penalty: once it lifts, counting starts again from nothing. */
        synchronized void block(Instant until) {
            blockedUntil = until;
            times.clear();
            last = null;
        }

        synchronized int count() {
            return times.size();
        }

        /** When this key counts for nothing any more: its last failure out of the window, its block over. */
        synchronized Instant forgetAt(Settings settings) {
            Instant counted = last == null ? null : last.plus(settings.window());
            if (counted == null || blockedUntil != null && blockedUntil.isAfter(counted)) {
                return blockedUntil == null ? Instant.EPOCH : blockedUntil;
            }
            return counted;
        }
    }
}
