package uk.org.quadrant.audits.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RatingRepository extends CrudRepository<Rating, Long> {

    @Query("SELECT * FROM s11_rating WHERE assessment_id = :assessmentId ORDER BY standard_code")
    List<Rating> of(long assessmentId);

    Optional<Rating> findByAssessmentIdAndStandardCode(long assessmentId, String standardCode);
}
