package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportRecordRepository extends CrudRepository<ImportRecord, Long> {

    /** The newest import of the indicator: the stamp its cached comparisons are checked against. */
    @Query("SELECT MAX(id) FROM benchmark_import WHERE indicator_code = :indicatorCode")
    Optional<Long> latestId(String indicatorCode);

    List<ImportRecord> findByIdInList(Collection<Long> ids);

    /** The newest import of every indicator with one (the stamps of the whole list, in one read). */
    @Query("SELECT * FROM benchmark_import WHERE id IN (SELECT MAX(id) FROM benchmark_import GROUP BY indicator_code)")
    List<ImportRecord> newestOfEach();

    @Query("SELECT * FROM benchmark_import WHERE indicator_code = :indicatorCode ORDER BY id DESC")
    List<ImportRecord> history(String indicatorCode);
}
