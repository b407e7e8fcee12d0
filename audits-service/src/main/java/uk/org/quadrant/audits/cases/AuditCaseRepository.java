package uk.org.quadrant.audits.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditCaseRepository extends CrudRepository<AuditCase, Long> {

    @Query("SELECT * FROM audit_case WHERE audit_id = :auditId ORDER BY case_ref, agency")
    List<AuditCase> inAudit(long auditId);

    /** The cases of several audits in one query (callers keep the list to a few hundred ids). */
    @Query("SELECT * FROM audit_case WHERE audit_id IN (:auditIds) ORDER BY audit_id, case_ref, agency")
    List<AuditCase> inAudits(Collection<Long> auditIds);

    boolean existsByAuditIdAndCaseRefAndAgency(long auditId, String caseRef, String agency);
}
