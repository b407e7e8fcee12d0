package uk.org.quadrant.common.changelog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import uk.org.quadrant.common.ServiceOnly;

import java.util.List;

/** The {@code change_log} table, which every service creates with the same columns in its own first migration. */
@JdbcRepository(dialect = Dialect.MYSQL)
@ServiceOnly
public interface ChangeLogRepository extends CrudRepository<ChangeLogEntry, Long> {

    List<ChangeLogEntry> findByEntityTypeAndEntityIdOrderByIdDesc(String entityType, String entityId, Pageable pageable);

    List<ChangeLogEntry> listOrderByIdDesc(Pageable pageable);
}
