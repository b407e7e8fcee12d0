package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An indicator's mapping to a published file (table {@code benchmark_mapping}); filters one "column:value" a line. */
@MappedEntity("benchmark_mapping")
record MappingRow(@Id String indicatorCode, String measure, @Nullable String filters, @Nullable String dataSetId,
                  @Nullable Boolean countToRate, @Nullable String targetFrom, long version, String updatedBy, Instant updatedAt) {
}
