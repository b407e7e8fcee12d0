package uk.org.quadrant.indicators.benchmarks;

import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.common.access.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The /benchmarks page's data: every mapped indicator with its latest comparison. */
@Singleton
class BenchmarkList {

    private final Mappings mappings;
    private final Comparisons comparisons;
    private final PlaceService places;

    BenchmarkList(Mappings mappings, Comparisons comparisons, PlaceService places) {
        this.mappings = mappings;
        this.comparisons = comparisons;
        this.places = places;
    }

    /** @param asAt null: each indicator's latest published period; else the latest starting no later than it (that period where published) */
    BenchmarkSummary summary(Period asAt, Caller caller) {
        List<BenchmarkSummary.Line> lines = new ArrayList<>();
        List<Mapping> all = mappings.all();
        Map<String, Comparison> latestOf = comparisons.latestOf(all.stream().map(m -> comparisons.indicator(m.indicator())).toList(), asAt,
                caller);
        for (Mapping m : all) {
            Optional<Comparison> latest = Optional.ofNullable(latestOf.get(m.indicator()));
            if (latest.isEmpty()) {
                var indicator = comparisons.indicator(m.indicator());
                lines.add(new BenchmarkSummary.Line(m.indicator(), indicator.title(), indicator.unit(), indicator.polarity(), m.measure(),
                        m.targetFrom(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
                continue;
            }
            Comparison c = latest.get();
            lines.add(new BenchmarkSummary.Line(m.indicator(), c.title(), c.unit(), c.polarity(), m.measure(), m.targetFrom(), c.period(),
                    c.periodLabel(), c.la().value(), c.la().suppressed(), c.la().localValue(), c.england().value(), c.region().value(),
                    c.neighbours().mean(), c.rank(), c.quartile(), c.versus(), c.source(), c.comparedOn(), c.la().rate(),
                    c.england().rate(), c.region().rate(), c.neighbours().rateMean()));
        }
        return new BenchmarkSummary(places.current(), lines);
    }
}
