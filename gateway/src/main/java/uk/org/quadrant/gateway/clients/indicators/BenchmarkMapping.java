package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An indicator's mapping to published statistics ({@code /api/v1/benchmarks/mappings/{code}}): the EES
 * file's measure column, the filter values ("column:value") that leave one row per area and period, the
 * EES data set it is refreshed from, and the benchmark its RAG is measured against (null: its own targets).
 */
@Serdeable
public record BenchmarkMapping(String indicator, @Nullable String measure, @Nullable List<String> filters, @Nullable String dataSetId,
                               @Nullable Boolean countToRate, @Nullable String targetFrom, @Nullable Long version,
                               @Nullable String updatedBy, @Nullable String updatedAt) {
}
