package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A target taken from published statistics ("at or better than the neighbours' mean"): which
 * benchmark ({@code from}), its figure, and the published period it is of (the latest published no
 * later than the value's period: the statistics come a year behind).
 */
@Serdeable
public record BenchmarkTarget(TargetFrom from, BigDecimal value, String period, String periodLabel) {
}
