package uk.org.quadrant.audits.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.org.quadrant.audits.reviews.AuditRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditCaseRepository extends CrudRepository<AuditCase, Long> {

    @Query("SELECT * FROM audit_case WHERE audit_id = :auditId ORDER BY case_ref, agency")
    List<AuditCase> inAudit(long auditId);

    /**
     * The cases of every audit the caller may see ({@link AuditRepository#VISIBLE}) whose reporting
     * period overlaps [from, to], in one query (a join, not an id list).
     */
    @Query("SELECT c.* FROM audit_case c JOIN audit a ON a.id = c.audit_id WHERE a.period_end >= :from AND a.period_start <= :to "
            + "AND " + AuditRepository.VISIBLE + " ORDER BY c.audit_id, c.case_ref, c.agency")
    List<AuditCase> visibleInAuditsOverlapping(java.time.LocalDate from, java.time.LocalDate to, boolean board, String agency);

    boolean existsByAuditIdAndCaseRefAndAgency(long auditId, String caseRef, String agency);
}
