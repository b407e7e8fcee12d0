package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AgencyRepository extends CrudRepository<Agency, String> {

    List<Agency> listOrderByName();
}
