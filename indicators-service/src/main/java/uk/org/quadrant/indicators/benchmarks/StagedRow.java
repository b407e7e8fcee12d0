package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A staged EES data set version (table {@code benchmark_staged}); {@code csvText} is dropped once decided. */
@MappedEntity("benchmark_staged")
record StagedRow(@Id @GeneratedValue @Nullable Long id, String indicatorCode, String dataSetId, String dataSetVersion,
                 @Nullable String published, String status, @Nullable String csvText, int added, int changed, int unchanged,
                 int removed, @Nullable String errors, Instant stagedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

    static final String STAGED = "STAGED";
    static final String APPROVED = "APPROVED";
    static final String DISCARDED = "DISCARDED";

    StagedRow decided(String status, String by) {
        return new StagedRow(id, indicatorCode, dataSetId, dataSetVersion, published, status, null, added, changed, unchanged, removed,
                errors, stagedAt, by, Instant.now());
    }
}
