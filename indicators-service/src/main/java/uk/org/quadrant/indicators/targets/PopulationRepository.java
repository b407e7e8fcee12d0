package uk.org.quadrant.indicators.targets;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PopulationRepository extends CrudRepository<Population, Long> {

    Optional<Population> findByPopulationCodeAndPopulationYear(String populationCode, int populationYear);

    @Query("SELECT * FROM population ORDER BY population_code, population_year")
    List<Population> listInOrder();
}
