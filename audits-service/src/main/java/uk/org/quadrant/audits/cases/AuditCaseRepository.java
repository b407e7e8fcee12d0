package uk.org.quadrant.audits.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditCaseRepository extends CrudRepository<AuditCase, Long> {

    @Query("SELECT * FROM audit_case WHERE audit_id = :auditId ORDER BY case_ref, agency")
    List<AuditCase> inAudit(long auditId);

    /** The cases of every audit whose reporting period overlaps [from, to], in one query (a join, not an id list). */
    @Query("SELECT c.* FROM audit_case c JOIN audit a ON a.id = c.audit_id WHERE a.period_end >= :from AND a.period_start <= :to "
            + "ORDER BY c.audit_id, c.case_ref, c.agency")
    List<AuditCase> inAuditsOverlapping(java.time.LocalDate from, java.time.LocalDate to);

    boolean existsByAuditIdAndCaseRefAndAgency(long auditId, String caseRef, String agency);
}
