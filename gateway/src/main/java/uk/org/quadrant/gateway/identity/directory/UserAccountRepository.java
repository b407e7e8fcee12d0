package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserAccountRepository extends CrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> listOrderByUsername();

    /** Who reminders can go to: enabled accounts with an e-mail address (notifications.preferences). */
    List<UserAccount> findByEnabledTrueAndEmailIsNotNullOrderByUsername();

    /** Sets the session generation (see {@link UserAccount}) and bumps the version, in one statement. */
    @Query("UPDATE user_account SET sessions_valid_after = :at, version = version + 1 WHERE id = :id")
    void endSessions(long id, Instant at);
}
