package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One period of an indicator's series for one agency, with its RAG, change and benchmarks; {@code targetFrom}
 * names the benchmark the target comes from when it is one (as on {@link ScorecardRow}), and {@code targetBenchmark}
 * its published figure (for a count, the benchmark's {@code rate} per 10,000 children the target was worked out from).
 */
@Serdeable
public record SeriesPoint(String period, @Nullable String periodLabel, @Nullable String agency, @Nullable BigDecimal value,
                          @Nullable BigDecimal numerator, @Nullable BigDecimal denominator, @Nullable BigDecimal target,
                          @Nullable String rag, @Nullable String direction, @Nullable BigDecimal previousValue,
                          @Nullable BigDecimal change, @Nullable BigDecimal changePercent, @Nullable BigDecimal baseline,
                          @Nullable Boolean beatsBaseline, @Nullable Map<String, BigDecimal> benchmarks,
                          @Nullable Map<String, BigDecimal> benchmarkGaps, @Nullable String status, @Nullable String comment,
                          @Nullable Boolean outlier, @Nullable String targetFrom, @Nullable TargetBenchmark targetBenchmark) {

    /** The benchmark a target is taken from: which, its figure, its published period and (for a count) its rate. */
    @Serdeable
    public record TargetBenchmark(@Nullable String from, @Nullable BigDecimal value, @Nullable String period,
                                  @Nullable String periodLabel, @Nullable BigDecimal rate) {
    }
}
