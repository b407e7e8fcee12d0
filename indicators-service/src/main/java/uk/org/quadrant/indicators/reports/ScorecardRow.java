package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.benchmarks.BenchmarkTarget;
import uk.org.quadrant.indicators.benchmarks.TargetFrom;
import uk.org.quadrant.indicators.domain.Direction;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Rag;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.indicators.domain.ValueStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The latest value of one indicator with its RAG, direction and a short trend; {@code targetFrom} and
 * {@code targetBenchmark} as in {@link SeriesPoint} (the target taken from published statistics, or null).
 */
@Serdeable
public record ScorecardRow(
        String code,
        String title,
        Unit unit,
        Polarity polarity,
        int priority,
        String ownerAgency,
        @Nullable String period,
        @Nullable String periodLabel,
        @Nullable BigDecimal value,
        @Nullable BigDecimal target,
        Rag rag,
        Direction direction,
        @Nullable BigDecimal previousValue,
        @Nullable BigDecimal change,
        @Nullable BigDecimal changePercent,
        Map<String, BigDecimal> benchmarks,
        @Nullable ValueStatus status,
        @Nullable String comment,
        boolean outlier,
        List<TrendPoint> trend,
        @Nullable TargetFrom targetFrom,
        @Nullable BenchmarkTarget targetBenchmark) {

    /** One earlier point for a sparkline, oldest first. */
    @Serdeable
    public record TrendPoint(String period, BigDecimal value) {
    }
}
