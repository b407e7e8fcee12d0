package uk.org.quadrant.audits.changelog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChangeLogRepository extends CrudRepository<ChangeLogEntry, Long> {

    List<ChangeLogEntry> findByEntityTypeAndEntityIdOrderByIdDesc(String entityType, String entityId, Pageable pageable);

    List<ChangeLogEntry> listOrderByIdDesc(Pageable pageable);
}
