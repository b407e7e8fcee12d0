package uk.org.quadrant.actions.progress;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The progress updates of every action of one plan, read in one query. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanUpdatesRepository extends GenericRepository<ActionUpdate, Long> {

    /** Newest first within each action: by update date, then by the order they were recorded. */
    @Query("SELECT u.* FROM action_update u JOIN plan_action a ON a.id = u.action_id WHERE a.plan_id = :planId "
            + "ORDER BY u.action_id, u.update_date DESC, u.id DESC")
    List<ActionUpdate> ofPlanNewestFirst(long planId);
}
