package uk.org.quadrant.audits.reviews;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GradingScaleRepository extends CrudRepository<GradingScaleRecord, String> {
}
