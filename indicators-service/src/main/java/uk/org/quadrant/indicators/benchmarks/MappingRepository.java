package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MappingRepository extends CrudRepository<MappingRow, String> {

    @Query("SELECT * FROM benchmark_mapping ORDER BY indicator_code")
    List<MappingRow> listInOrder();
}
