package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One import written (table {@code benchmark_import}): the file or data set version, the mapping used, who and when. */
@MappedEntity("benchmark_import")
record ImportRecord(@Id @GeneratedValue @Nullable Long id, String indicatorCode, @Nullable String fileName,
                    @Nullable String dataSetId, @Nullable String dataSetVersion, String measure, @Nullable String filters,
                    int rowCount, String importedBy, Instant importedAt) {
}
