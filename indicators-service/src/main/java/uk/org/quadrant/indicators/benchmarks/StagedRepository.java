package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StagedRepository extends CrudRepository<StagedRow, Long> {

    boolean existsByIndicatorCodeAndDataSetIdAndDataSetVersion(String indicatorCode, String dataSetId, String dataSetVersion);

    /** Everything staged and decided, newest first, without the CSV. */
    @Query("SELECT id, indicator_code, data_set_id, data_set_version, published, status, NULL AS csv_text, added, changed, unchanged,"
            + " removed, errors, staged_at, decided_by, decided_at FROM benchmark_staged ORDER BY id DESC")
    List<StagedRow> listNewestFirst();
}
