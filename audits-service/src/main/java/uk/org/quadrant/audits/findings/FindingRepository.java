package uk.org.quadrant.audits.findings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FindingRepository extends CrudRepository<Finding, Long> {

    @Query("SELECT * FROM finding WHERE audit_id = :auditId ORDER BY id")
    List<Finding> inAudit(long auditId);

    List<Finding> findByAuditIdInList(Collection<Long> auditIds);
}
