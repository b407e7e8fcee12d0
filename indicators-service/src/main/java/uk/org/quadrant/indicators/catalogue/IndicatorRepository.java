package uk.org.quadrant.indicators.catalogue;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IndicatorRepository extends CrudRepository<Indicator, String> {

    @Query("SELECT * FROM indicator ORDER BY priority, code")
    List<Indicator> listOrderByPriorityThenCode();
}
