package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProviderLinkRepository extends CrudRepository<ProviderLink, Long> {

    Optional<ProviderLink> findByProviderAndSubject(String provider, String subject);

    Optional<ProviderLink> findByUserIdAndProvider(long userId, String provider);

    List<ProviderLink> findByUserIdOrderByProvider(long userId);
}
