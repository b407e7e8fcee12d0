package uk.org.quadrant.audits.readlog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Append-only by construction: it can insert and query, and has no update or delete. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseReadLog extends GenericRepository<CaseRead, Long> {

    CaseRead save(CaseRead read);

    Page<CaseRead> findByReadAtGreaterThanEqualsAndReadAtLessThan(Instant from, Instant to, Pageable pageable);

    Page<CaseRead> findByReadByAndReadAtGreaterThanEqualsAndReadAtLessThan(String readBy, Instant from, Instant to, Pageable pageable);
}
