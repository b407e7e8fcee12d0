package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A target taken from published statistics ("at or better than the neighbours' mean"): which
 * benchmark ({@code from}), its figure, and the published period it is of (the latest published no
 * later than the value's period: the statistics come a year behind). For a count, {@code value} is the count the
 * partnership would have at the benchmark's {@code rate} per 10,000 children (null for any other unit).
 */
@Serdeable
public record BenchmarkTarget(TargetFrom from, BigDecimal value, String period, String periodLabel, @Nullable BigDecimal rate) {
}
