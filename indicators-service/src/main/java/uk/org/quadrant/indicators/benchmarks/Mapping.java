package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An indicator's mapping to published statistics: the file's measure column, the filter values that
 * leave one row per area and period ({@code "population_type:Children looked after on 31 March each year"}),
 * the EES data set it is refreshed from (optional), whether the measure is a count to turn into a rate
 * per 10,000 (null: decided from the indicator's unit and the column's name), and the benchmark the
 * indicator's RAG is measured against (null: its own targets).
 */
@Serdeable
public record Mapping(String indicator, String measure, List<String> filters, @Nullable String dataSetId,
                      @Nullable Boolean countToRate, @Nullable TargetFrom targetFrom, long version, String updatedBy,
                      Instant updatedAt) {
}
