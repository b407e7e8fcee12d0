package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The latest value of one indicator with its RAG, direction and a short trend ({@code /api/v1/scorecard}). Codes are the service's text.
 * {@code targetFrom}: the benchmark the RAG is measured against when the target comes from one
 * ({@code ENGLAND}, {@code REGION}, {@code NEIGHBOURS_MEAN}, {@code NEIGHBOURS_MEDIAN}), null for the indicator's own target.
 */
@Serdeable
public record ScorecardRow(String code, String title, @Nullable String unit, @Nullable String polarity, @Nullable Integer priority,
                           @Nullable String ownerAgency, @Nullable String period, @Nullable String periodLabel,
                           @Nullable BigDecimal value, @Nullable BigDecimal target, @Nullable String rag,
                           @Nullable String direction, @Nullable BigDecimal previousValue, @Nullable BigDecimal change,
                           @Nullable BigDecimal changePercent, @Nullable Map<String, BigDecimal> benchmarks,
                           @Nullable String status, @Nullable String comment, boolean outlier, @Nullable List<TrendPoint> trend,
                           @Nullable String targetFrom) {

    /** One earlier point for a sparkline, oldest first. */
    @Serdeable
    public record TrendPoint(String period, @Nullable BigDecimal value) {
    }
}
