package uk.org.quadrant.audits.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StandardRepository extends CrudRepository<Standard, String> {

    @Query("SELECT * FROM s11_standard ORDER BY ordinal, code")
    List<Standard> inOrder();
}
