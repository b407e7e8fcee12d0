package uk.org.quadrant.gateway.identity.directory;

import uk.org.quadrant.common.changelog.ChangeLogEntry;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Append-only: entries can be written and read, never changed or removed (no update or delete here). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChangeLogRepository extends GenericRepository<ChangeLogEntry, Long> {

    ChangeLogEntry save(ChangeLogEntry entry);

    /** Newest first when the pageable sorts by id descending. */
    List<ChangeLogEntry> list(Pageable pageable);

    long count();
}
