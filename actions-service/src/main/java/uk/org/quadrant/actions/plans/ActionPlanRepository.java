package uk.org.quadrant.actions.plans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.org.quadrant.actions.domain.SourceType;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ActionPlanRepository extends CrudRepository<ActionPlan, Long> {

    @Query("SELECT * FROM action_plan ORDER BY id")
    List<ActionPlan> listInOrder();

    Optional<ActionPlan> findFirstBySourceTypeAndSourceRef(SourceType sourceType, String sourceRef);
}
