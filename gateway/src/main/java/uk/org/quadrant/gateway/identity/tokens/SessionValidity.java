package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.cache.SyncCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Whether a token is still in force: its account exists and is enabled, its session generation is
 * still the account's, and (a browser session's token) its session was not ended. Read from the shared
 * database, so a sign-out, a session ended from the sessions page, a password reset or disabling on any
 * replica ends the sessions on every replica. One replica reuses a read for
 * {@code quadrant.auth.session-check-cache} (2 s), so a page and its assets cost one query, not one
 * each; a change made through this replica forgets the read at once. The reads are kept in the
 * Caffeine cache {@code session-check} (micronaut-cache, application.yml), which expires them after that
 * time; zero reads the database on every request. The account and its session are read in one query
 * (a join), and each is cached on its own key (the username; {@code sid:} and the session id), so a
 * check costs at most one query.
 *
 * <p>A session id with no row in {@code browser_session} (a token issued before that table, issue 19)
 * counts as not ended: valid until it expires, and given a row when it is next renewed.
 */
@Singleton
public class SessionValidity {

    private record Current(boolean enabled, long generation) {
    }

    private static final String SID = "sid:";
    private static final String QUERY = "SELECT u.enabled, u.sessions_valid_after, s.ended_at, s.id FROM user_account u"
            + " LEFT JOIN browser_session s ON s.sid = ? WHERE u.username = ?";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final boolean reuse;
    private final SyncCache<?> cache;

    SessionValidity(JdbcOperations jdbc, TransactionOperations<Connection> transactions, AuthConfiguration config,
                    @Named("session-check") SyncCache<?> cache) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reuse = !config.sessionCheckCache().isZero() && !config.sessionCheckCache().isNegative();
        this.cache = cache;
    }

    /** An API token: {@code username} exists, is enabled, and their sessions' generation is still {@code generation}. */
    public boolean isCurrent(String username, long generation) {
        return isCurrent(username, generation, null);
    }

    /** As {@link #isCurrent(String, long)}, and for a browser session's token ({@code sid} not null): its session not ended. */
    public boolean isCurrent(String username, long generation, @Nullable String sid) {
        Optional<Current> account = reuse ? cache.get(username, Current.class) : Optional.empty();
        Optional<Boolean> ended = sid == null ? Optional.of(false) : reuse ? cache.get(SID + sid, Boolean.class) : Optional.empty();
        if (account.isEmpty() || ended.isEmpty()) {
            Read read = read(username, sid);
            if (read == null) {
                return false;
            }
            account = Optional.of(read.current());
            ended = Optional.of(read.ended());
            if (reuse) {
                cache.put(username, read.current());
                if (sid != null) {
                    cache.put(SID + sid, read.ended());
                }
            }
        }
        Current current = account.get();
        return current.enabled() && current.generation() == generation && !ended.get();
    }

    /** After a change to the account made here: the next request reads the database again. */
    public void forget(String username) {
        cache.invalidate(username);
    }

    /** After a session was ended here: the next request on it reads the database again. */
    public void forgetSession(String sid) {
        cache.invalidate(SID + sid);
    }

    private record Read(Current current, boolean ended) {
    }

    private Read read(String username, @Nullable String sid) {
        return transactions.executeRead(status -> jdbc.prepareStatement(QUERY, statement -> {
            statement.setString(1, sid == null ? "" : sid);
            statement.setString(2, username);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp after = rs.getTimestamp(2);
                boolean ended = rs.getTimestamp(3) != null;
                return new Read(new Current(rs.getBoolean(1), after == null ? 0L : after.toInstant().toEpochMilli()), ended);
            }
        }));
    }
}
