package uk.org.quadrant.actions.progress;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/** Progress updates across all actions by the date they record, for reports over a year. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface UpdatesInPeriodRepository extends GenericRepository<ActionUpdate, Long> {

    @Query("SELECT * FROM action_update WHERE update_date >= :from AND update_date <= :to ORDER BY update_date, id")
    List<ActionUpdate> dated(LocalDate from, LocalDate to);
}
