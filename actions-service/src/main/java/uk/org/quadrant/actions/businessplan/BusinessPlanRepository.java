package uk.org.quadrant.actions.businessplan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface BusinessPlanRepository extends CrudRepository<BusinessPlanItem, Long> {

    @Query("SELECT * FROM business_plan_item ORDER BY plan_year, kind, number")
    List<BusinessPlanItem> inOrder();

    boolean existsByPlanYearAndKindAndNumber(String planYear, String kind, int number);
}
