package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The browser sessions. Ending is one conditional statement, so it is never undone by a later write. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BrowserSessionRepository extends CrudRepository<BrowserSession, Long> {

    Optional<BrowserSession> findBySid(String sid);

    /** The account's sessions not ended and seen since {@code since} (still within a token lifetime), newest first. */
    @Query("SELECT * FROM browser_session WHERE username = :username AND ended_at IS NULL AND last_seen_at > :since ORDER BY last_seen_at DESC, id DESC")
    List<BrowserSession> live(String username, Instant since);

    @Query("UPDATE browser_session SET last_seen_at = :at WHERE sid = :sid AND ended_at IS NULL")
    int seen(String sid, Instant at);

    @Query("UPDATE browser_session SET ended_at = :at, ended_by = :by WHERE id = :id AND username = :username AND ended_at IS NULL")
    int end(long id, String username, Instant at, String by);

    @Query("UPDATE browser_session SET ended_at = :at, ended_by = :by WHERE sid = :sid AND ended_at IS NULL")
    int endBySid(String sid, Instant at, String by);

    @Query("UPDATE browser_session SET ended_at = :at, ended_by = :by WHERE username = :username AND sid <> :keep AND ended_at IS NULL")
    int endAllBut(String username, String keep, Instant at, String by);

    @Query("SELECT sid FROM browser_session WHERE username = :username AND ended_at IS NULL")
    List<String> liveSids(String username);

    /** Retention: rows last seen (or ended) before {@code before} go. */
    @Query("DELETE FROM browser_session WHERE last_seen_at < :before AND (ended_at IS NULL OR ended_at < :before)")
    int prune(Instant before);
}
