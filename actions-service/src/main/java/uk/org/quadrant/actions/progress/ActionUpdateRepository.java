package uk.org.quadrant.actions.progress;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ActionUpdateRepository extends CrudRepository<ActionUpdate, Long> {

    @Query("SELECT * FROM action_update WHERE action_id = :actionId ORDER BY update_date, id")
    List<ActionUpdate> of(long actionId);
}
