package uk.org.quadrant.actions.plans;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanActionRepository extends CrudRepository<PlanAction, Long> {

    @Query("SELECT * FROM plan_action WHERE plan_id = :planId ORDER BY id")
    List<PlanAction> inPlan(long planId);

    @Query("SELECT * FROM plan_action ORDER BY due_date, id")
    List<PlanAction> listByDueDate();

    Optional<PlanAction> findBySourceRef(String sourceRef);

    long countByPlanId(long planId);
}
