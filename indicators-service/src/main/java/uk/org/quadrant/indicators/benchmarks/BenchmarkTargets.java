package uk.org.quadrant.indicators.benchmarks;

import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.domain.Period;

import uk.org.quadrant.indicators.domain.Rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Targets from a benchmark: for the indicators whose mapping names one ({@link Mapping#targetFrom()}),
 * the published figure of that benchmark (England, the region, the neighbours' mean or median) as at a
 * period, which the indicator's RAG is then measured against in place of a typed target. A count is compared
 * by its rate per 10,000 children ({@link Comparison}), so its target is the count the partnership would have at
 * the benchmark's rate: that rate × the partnership's ONS population for the period ÷ 10,000 (to one decimal place),
 * with the rate beside it ({@link BenchmarkTarget#rate()}); none without a rate or a population.
 */
@Singleton
public class BenchmarkTargets {

    private final Mappings mappings;
    private final Comparisons comparisons;
    private final Geographies geographies;

    BenchmarkTargets(Mappings mappings, Comparisons comparisons, Geographies geographies) {
        this.mappings = mappings;
        this.comparisons = comparisons;
        this.geographies = geographies;
    }

    /** A lookup for these indicators: one read of the mappings, comparisons (cached) only for those with a benchmark target. */
    public Lookup of(Collection<Indicator> indicators) {
        Map<String, TargetFrom> from = new HashMap<>();
        if (!indicators.isEmpty()) {
            for (Mapping m : mappings.all()) {
                if (m.targetFrom() != null) {
                    from.put(m.indicator(), m.targetFrom());
                }
            }
        }
        return (indicator, period) -> {
            TargetFrom f = from.get(indicator.code());
            if (f == null || period == null) {
                return Optional.empty();
            }
            return comparisons.asAt(indicator, period).flatMap(c -> Comparison.ON_RATE.equals(c.comparedOn()) ? atRate(f, c) : asPublished(f, c));
        };
    }

    private static Optional<BenchmarkTarget> asPublished(TargetFrom f, Comparison c) {
        BigDecimal value = switch (f) {
            case ENGLAND -> c.england().value();
            case REGION -> c.region().value();
            case NEIGHBOURS_MEAN -> c.neighbours().mean();
            case NEIGHBOURS_MEDIAN -> c.neighbours().median();
        };
        return value == null ? Optional.empty() : Optional.of(new BenchmarkTarget(f, value, c.period(), c.periodLabel(), null));
    }

    /** A count's target: the count the partnership would have at the benchmark's rate per 10,000 children. */
    private Optional<BenchmarkTarget> atRate(TargetFrom f, Comparison c) {
        BigDecimal rate = switch (f) {
            case ENGLAND -> c.england().rate();
            case REGION -> c.region().rate();
            case NEIGHBOURS_MEAN -> c.neighbours().rateMean();
            case NEIGHBOURS_MEDIAN -> c.neighbours().rateMedian();
        };
        OptionalLong population = geographies.population(c.la().code(), Period.parse(c.period()).orElseThrow().populationYear());
        if (rate == null || population.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal count = rate.multiply(BigDecimal.valueOf(population.getAsLong())).divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP);
        return Optional.of(new BenchmarkTarget(f, Rates.clean(count), c.period(), c.periodLabel(), rate));
    }

    /** The benchmark target of an indicator for a period, if its mapping names one and a figure is published. */
    @FunctionalInterface
    public interface Lookup {
        Optional<BenchmarkTarget> target(Indicator indicator, Period period);

        /** No benchmark targets at all. */
        Lookup NONE = (indicator, period) -> Optional.empty();
    }
}
