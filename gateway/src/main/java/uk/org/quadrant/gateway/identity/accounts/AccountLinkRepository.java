package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountLinkRepository extends CrudRepository<AccountLink, Long> {

    Optional<AccountLink> findBySecretHash(String secretHash);

    /** Uses the link: 1 for the one request that wins it, 0 for any other (used, expired, unknown, other purpose). */
    @Query("UPDATE account_link SET used_at = :now WHERE secret_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now")
    int consume(String hash, String purpose, Instant now);

    /** The account's unused links of one purpose stop working (a new one was sent, or the password was set). */
    @Query("UPDATE account_link SET used_at = :now WHERE username = :username AND purpose = :purpose AND used_at IS NULL")
    int retire(String username, String purpose, Instant now);

    /** Retention: links that expired before {@code before}. */
    @Query("DELETE FROM account_link WHERE expires_at < :before")
    int prune(Instant before);
}
