package uk.org.quadrant.audits.reviews;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends CrudRepository<Audit, Long> {

    @Query("SELECT * FROM audit ORDER BY period_end DESC, id DESC")
    List<Audit> listNewestFirst();

    /** Audits whose reporting period overlaps [from, to]. */
    @Query("SELECT * FROM audit WHERE period_end >= :from AND period_start <= :to ORDER BY id")
    List<Audit> overlapping(LocalDate from, LocalDate to);
}
