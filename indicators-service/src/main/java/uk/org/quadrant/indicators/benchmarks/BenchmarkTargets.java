package uk.org.quadrant.indicators.benchmarks;

import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.domain.Period;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Targets from a benchmark: for the indicators whose mapping names one ({@link Mapping#targetFrom()}),
 * the published figure of that benchmark (England, the region, the neighbours' mean or median) as at a
 * period, which the indicator's RAG is then measured against in place of a typed target.
 */
@Singleton
public class BenchmarkTargets {

    private final Mappings mappings;
    private final Comparisons comparisons;

    BenchmarkTargets(Mappings mappings, Comparisons comparisons) {
        this.mappings = mappings;
        this.comparisons = comparisons;
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
            return comparisons.asAt(indicator, period).flatMap(c -> {
                BigDecimal value = switch (f) {
                    case ENGLAND -> c.england().value();
                    case REGION -> c.region().value();
                    case NEIGHBOURS_MEAN -> c.neighbours().mean();
                    case NEIGHBOURS_MEDIAN -> c.neighbours().median();
                };
                return value == null ? Optional.empty() : Optional.of(new BenchmarkTarget(f, value, c.period(), c.periodLabel()));
            });
        };
    }

    /** The benchmark target of an indicator for a period, if its mapping names one and a figure is published. */
    @FunctionalInterface
    public interface Lookup {
        Optional<BenchmarkTarget> target(Indicator indicator, Period period);

        /** No benchmark targets at all. */
        Lookup NONE = (indicator, period) -> Optional.empty();
    }
}
