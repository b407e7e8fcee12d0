package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AgencySignInRepository extends CrudRepository<AgencySignIn, String> {

    List<AgencySignIn> findByProviderIsNotNull();
}
