package uk.org.quadrant.audits.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AssessmentRepository extends CrudRepository<Assessment, Long> {

    @Query("SELECT * FROM s11_assessment ORDER BY agency, cycle")
    List<Assessment> inOrder();

    boolean existsByAgencyAndCycle(String agency, String cycle);

    /** The agency's latest earlier cycle ("2017April" sorts before "2018April"). */
    @Query("SELECT * FROM s11_assessment WHERE agency = :agency AND cycle < :cycle ORDER BY cycle DESC LIMIT 1")
    Optional<Assessment> latestBefore(String agency, String cycle);
}
