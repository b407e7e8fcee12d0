package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PlaceRepository extends CrudRepository<PlaceRow, Integer> {
}
