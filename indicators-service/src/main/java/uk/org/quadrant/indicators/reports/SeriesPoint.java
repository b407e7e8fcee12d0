package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.benchmarks.BenchmarkTarget;
import uk.org.quadrant.indicators.benchmarks.TargetFrom;
import uk.org.quadrant.indicators.domain.Direction;
import uk.org.quadrant.indicators.domain.Rag;
import uk.org.quadrant.indicators.domain.ValueStatus;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One period of an indicator's series with everything computed against it. {@code target} is the
 * figure the RAG is measured against: the typed target, or, where the indicator takes its target from
 * published statistics, that benchmark's figure: {@code targetFrom} names the benchmark (ENGLAND, REGION,
 * NEIGHBOURS_MEAN, NEIGHBOURS_MEDIAN) and {@code targetBenchmark} gives its figure and published period
 * (both null for a typed target).
 */
@Serdeable
public record SeriesPoint(
        String period,
        String periodLabel,
        String agency,
        @Nullable BigDecimal value,
        @Nullable BigDecimal numerator,
        @Nullable BigDecimal denominator,
        @Nullable BigDecimal target,
        Rag rag,
        Direction direction,
        @Nullable BigDecimal previousValue,
        @Nullable BigDecimal change,
        @Nullable BigDecimal changePercent,
        @Nullable BigDecimal baseline,
        @Nullable Boolean beatsBaseline,
        Map<String, BigDecimal> benchmarks,
        Map<String, BigDecimal> benchmarkGaps,
        @Nullable ValueStatus status,
        @Nullable String comment,
        boolean outlier,
        @Nullable TargetFrom targetFrom,
        @Nullable BenchmarkTarget targetBenchmark) {
}
