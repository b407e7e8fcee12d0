package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a token's session generation is still the account's: read from the shared database, so a
 * sign-out, password reset or disabling on any replica ends the sessions on every replica. One
 * replica reuses a read for {@code quadrant.auth.session-check-cache} (2 s), so a page and its
 * assets cost one query, not one each; a change made through this replica forgets the read at once.
 * The reads are kept in the Caffeine cache {@code session-check} (micronaut-cache, application.yml),
 * which expires them after that time; zero reads the database on every request.
 */
@Singleton
public class SessionValidity {

    private record Current(boolean enabled, long generation) {
    }

    private final UserAccountRepository users;
    private final boolean reuse;
    private final SyncCache<?> cache;

    SessionValidity(UserAccountRepository users, AuthConfiguration config, @Named("session-check") SyncCache<?> cache) {
        this.users = users;
        this.reuse = !config.sessionCheckCache().isZero() && !config.sessionCheckCache().isNegative();
        this.cache = cache;
    }

    /** True if {@code username} exists, is enabled, and their sessions' generation is still {@code generation}. */
    public boolean isCurrent(String username, long generation) {
        Current current = current(username);
        return current != null && current.enabled() && current.generation() == generation;
    }

    /** After a change to the account made here: the next request reads the database again. */
    public void forget(String username) {
        cache.invalidate(username);
    }

    private Current current(String username) {
        if (reuse) {
            Optional<Current> cached = cache.get(username, Current.class);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Current read = users.findByUsername(username).map(u -> new Current(u.enabled(), generation(u))).orElse(null);
        if (reuse && read != null) {
            cache.put(username, read);
        }
        return read;
    }

    private static long generation(UserAccount account) {
        Instant after = account.sessionsValidAfter();
        return after == null ? 0L : after.toEpochMilli();
    }
}
