package uk.org.quadrant.indicators.values;

import uk.org.quadrant.indicators.domain.ValueStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IndicatorValueRepository extends CrudRepository<IndicatorValue, Long> {

    Optional<IndicatorValue> findByIndicatorCodeAndAgencyCodeAndPeriod(String indicatorCode, String agencyCode, String period);

    @Query("SELECT * FROM indicator_value WHERE indicator_code = :indicatorCode AND agency_code = :agencyCode ORDER BY period_start")
    List<IndicatorValue> series(String indicatorCode, String agencyCode);

    @Query("SELECT * FROM indicator_value WHERE indicator_code = :indicatorCode ORDER BY agency_code, period_start")
    List<IndicatorValue> allOf(String indicatorCode);

    /** Only the derived flag changes, so the value's version (what its editors hold) does not. */
    @Query("UPDATE indicator_value SET outlier = :outlier WHERE id = :id")
    void updateOutlier(long id, boolean outlier);

    List<IndicatorValue> findByPeriodInList(Collection<String> periods);

    /** How many values are in this state (the board's waiting approvals: SUBMITTED). */
    long countByStatus(ValueStatus status);

    List<IndicatorValue> findByIndicatorCodeInListAndPeriodInList(Collection<String> indicatorCodes, Collection<String> periods);
}
