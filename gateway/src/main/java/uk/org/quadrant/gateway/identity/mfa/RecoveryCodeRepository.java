package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RecoveryCodeRepository extends GenericRepository<RecoveryCode, Long> {

    RecoveryCode save(RecoveryCode code);

    /** Uses the code whose hash is {@code codeHash}: 1 the first time, 0 ever after (or for no such code). */
    @Query("UPDATE recovery_code SET used_at = :at WHERE user_id = :userId AND code_hash = :codeHash AND used_at IS NULL")
    long use(long userId, String codeHash, Instant at);

    long countByUserIdAndUsedAtIsNull(Long userId);

    @Query("DELETE FROM recovery_code WHERE user_id = :userId")
    void deleteByUserId(long userId);
}
