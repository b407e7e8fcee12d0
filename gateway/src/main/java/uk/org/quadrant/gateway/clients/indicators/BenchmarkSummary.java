package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every mapped indicator at its latest published period ({@code GET /api/v1/benchmarks}), with the
 * partnership's place: the {@code /benchmarks} page, the board's exceptions and the annual report.
 * A line's figures are null until something is imported for it.
 */
@Serdeable
public record BenchmarkSummary(@Nullable Place place, @Nullable List<Line> indicators) {

    /**
     * One mapped indicator: its published and local figures, England, region, neighbours' mean, rank, quartile, standing;
     * for a count ({@code comparedOn} {@code "rate"}) the rates per 10,000 children the rank and standing are on.
     */
    @Serdeable
    public record Line(String indicator, @Nullable String title, @Nullable String unit, @Nullable String polarity,
                       @Nullable String measure, @Nullable String targetFrom, @Nullable String period, @Nullable String periodLabel,
                       @Nullable BigDecimal value, @Nullable String suppressed, @Nullable BigDecimal localValue,
                       @Nullable BigDecimal england, @Nullable BigDecimal region, @Nullable BigDecimal neighboursMean,
                       @Nullable Comparison.Rank rank, @Nullable String quartile, @Nullable Comparison.Versus versus,
                       @Nullable Comparison.Source source, @Nullable String comparedOn, @Nullable BigDecimal rate,
                       @Nullable BigDecimal englandRate, @Nullable BigDecimal regionRate, @Nullable BigDecimal neighboursRateMean) {

        /** Whether the rank, quartile and standing are on the rates per 10,000 children (a count). */
        public boolean byRate() {
            return "rate".equals(comparedOn);
        }
    }
}
