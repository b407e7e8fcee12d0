package uk.org.quadrant.audits.findings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FindingRepository extends CrudRepository<Finding, Long> {

    @Query("SELECT * FROM finding WHERE audit_id = :auditId ORDER BY id")
    List<Finding> inAudit(long auditId);

    /**
     * The findings of every audit whose reporting period overlaps [from, to], by a join: an
     * {@code IN} list of thousands of audit ids made H2 compare every finding with every id
     * (docs/performance.md, "Theme analysis and grades across audits").
     */
    @Query("SELECT f.* FROM finding f JOIN audit a ON a.id = f.audit_id WHERE a.period_end >= :from AND a.period_start <= :to ORDER BY f.id")
    List<Finding> inAuditsOverlapping(java.time.LocalDate from, java.time.LocalDate to);
}
