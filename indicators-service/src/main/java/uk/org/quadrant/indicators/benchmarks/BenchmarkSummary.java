package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Unit;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/benchmarks}: the place and one line per mapped indicator with its latest published
 * period (all fields but the mapping's null when nothing is imported yet): the partnership's published
 * and local figures, England, region and the neighbours' mean, rank, quartile and how it stands against each.
 * For a count ({@code comparedOn} {@code "rate"}) the rates per 10,000 children beside them
 * ({@code rate}, {@code englandRate}, {@code regionRate}, {@code neighboursRateMean}) are what the rank,
 * quartile and standing are on, as in {@link Comparison}; for any other unit they are null.
 */
@Serdeable
public record BenchmarkSummary(Place place, List<Line> indicators) {

    @Serdeable
    public record Line(String indicator, String title, Unit unit, Polarity polarity, String measure,
                       @Nullable TargetFrom targetFrom, @Nullable String period, @Nullable String periodLabel,
                       @Nullable BigDecimal value, @Nullable String suppressed, @Nullable BigDecimal localValue,
                       @Nullable BigDecimal england, @Nullable BigDecimal region, @Nullable BigDecimal neighboursMean,
                       @Nullable Comparison.Rank rank, @Nullable String quartile, @Nullable Comparison.Versus versus,
                       @Nullable Comparison.Source source, @Nullable String comparedOn, @Nullable BigDecimal rate,
                       @Nullable BigDecimal englandRate, @Nullable BigDecimal regionRate, @Nullable BigDecimal neighboursRateMean) {
    }
}
