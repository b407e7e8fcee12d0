package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The second factors; every acceptance of a code is one conditional UPDATE (1 row: accepted, 0: refused). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SecondFactorRepository extends GenericRepository<SecondFactor, Long> {

    Optional<SecondFactor> findById(Long userId);

    SecondFactor save(SecondFactor factor);

    void deleteById(Long userId);

    /** A confirmed factor's code for {@code step}: accepted once, and never after a later step's code. */
    @Query("UPDATE second_factor SET last_used_step = :step WHERE user_id = :userId AND confirmed = TRUE AND last_used_step < :step")
    long useStep(long userId, long step);

    /** Confirms the enrolment begun with exactly {@code sealedSecret} (not one replaced since), with the code of {@code step}. */
    @Query("UPDATE second_factor SET confirmed = TRUE, confirmed_at = :at, last_used_step = :step "
            + "WHERE user_id = :userId AND confirmed = FALSE AND sealed_secret = :sealedSecret AND last_used_step < :step")
    long confirm(long userId, String sealedSecret, long step, Instant at);
}
