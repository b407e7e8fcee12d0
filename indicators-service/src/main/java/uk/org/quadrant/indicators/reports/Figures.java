package uk.org.quadrant.indicators.reports;

import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.targets.ReferenceFigure;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;

/** One indicator's targets, baselines and benchmarks, indexed for lookup by period. */
final class Figures {

    private final Map<String, BigDecimal> targets = new HashMap<>();
    private final TreeMap<Period, BigDecimal> baselines = new TreeMap<>();
    private final Map<String, TreeMap<Period, BigDecimal>> benchmarks = new TreeMap<>();

    Figures(Collection<ReferenceFigure> figures) {
        for (ReferenceFigure f : figures) {
            BigDecimal v = Rates.clean(f.figure());
            switch (f.kind()) {
                case TARGET -> targets.put(f.period(), v);
                case BASELINE -> Period.parse(f.period()).ifPresent(p -> baselines.put(p, v));
                case BENCHMARK -> Period.parse(f.period()).ifPresent(p ->
                        benchmarks.computeIfAbsent(f.comparator(), k -> new TreeMap<>()).put(p, v));
            }
        }
    }

    static Figures of(Collection<ReferenceFigure> figures) {
        return new Figures(figures);
    }

    BigDecimal target(String period) {
        return targets.get(period);
    }

    boolean hasTarget(String period) {
        return targets.containsKey(period);
    }

    java.util.Set<String> targetPeriods() {
        return targets.keySet();
    }

    /** The most recent baseline set for this period or an earlier one. */
    BigDecimal baseline(Period period) {
        Entry<Period, BigDecimal> e = baselines.floorEntry(period);
        return e == null ? null : e.getValue();
    }

    /**
     * Each comparator's most recent figure for this period or an earlier one: national figures
     * are published a year behind, and the board compares this year's value with the latest.
     */
    Map<String, BigDecimal> benchmarks(Period period) {
        Map<String, BigDecimal> out = new TreeMap<>();
        benchmarks.forEach((comparator, byPeriod) -> {
            Entry<Period, BigDecimal> e = byPeriod.floorEntry(period);
            if (e != null) {
                out.put(comparator, e.getValue());
            }
        });
        return out;
    }

}
