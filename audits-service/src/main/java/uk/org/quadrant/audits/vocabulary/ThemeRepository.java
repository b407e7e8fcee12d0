package uk.org.quadrant.audits.vocabulary;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ThemeRepository extends CrudRepository<Theme, String> {

    @Query("SELECT * FROM theme ORDER BY label")
    List<Theme> listByLabel();
}
