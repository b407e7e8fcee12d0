package uk.org.quadrant.gateway.tokens;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.directory.UserAccount;
import uk.org.quadrant.gateway.directory.UserAccountRepository;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a token's session generation is still the account's: read from the shared database, so a
 * sign-out, password reset or disabling on any replica ends the sessions on every replica. One
 * replica reuses a read for {@code quadrant.auth.session-check-cache} (2 s), so a page and its
 * assets cost one query, not one each; a change made through this replica forgets the read at once.
 */
@Singleton
public class SessionValidity {

    private static final int MAX_ENTRIES = 10_000;

    private record Current(boolean enabled, long generation, long readAtNanos) {
    }

    private final UserAccountRepository users;
    private final long cacheNanos;
    private final Map<String, Current> cache = new ConcurrentHashMap<>();

    SessionValidity(UserAccountRepository users, AuthConfiguration config) {
        this.users = users;
        this.cacheNanos = config.sessionCheckCache().toNanos();
    }

    /** True if {@code username} exists, is enabled, and their sessions' generation is still {@code generation}. */
    public boolean isCurrent(String username, long generation) {
        Current current = current(username);
        return current != null && current.enabled() && current.generation() == generation;
    }

    /** After a change to the account made here: the next request reads the database again. */
    public void forget(String username) {
        cache.remove(username);
    }

    private Current current(String username) {
        long now = System.nanoTime();
        if (cacheNanos > 0) {
            Current cached = cache.get(username);
            if (cached != null && now - cached.readAtNanos() < cacheNanos) {
                return cached;
            }
        }
        Current read = users.findByUsername(username).map(u -> new Current(u.enabled(), generation(u), now)).orElse(null);
        if (cacheNanos > 0 && read != null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(username, read);
        }
        return read;
    }

    private static long generation(UserAccount account) {
        Instant after = account.sessionsValidAfter();
        return after == null ? 0L : after.toEpochMilli();
    }
}
