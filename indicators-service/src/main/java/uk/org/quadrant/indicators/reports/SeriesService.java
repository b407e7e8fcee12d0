package uk.org.quadrant.indicators.reports;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.benchmarks.BenchmarkTarget;
import uk.org.quadrant.indicators.benchmarks.BenchmarkTargets;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Change;
import uk.org.quadrant.indicators.domain.Direction;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Rag;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.targets.ReferenceFigureRepository;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;
import uk.org.quadrant.indicators.values.ValueRules;
import uk.org.quadrant.indicators.values.ValueVisibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An indicator's series: every period with its value and everything computed from it. */
@Singleton
public class SeriesService {

    private final IndicatorCatalogue catalogue;
    private final IndicatorValueRepository values;
    private final ReferenceFigureRepository figures;
    private final Agencies agencies;
    private final BenchmarkTargets benchmarkTargets;

    SeriesService(IndicatorCatalogue catalogue, IndicatorValueRepository values, ReferenceFigureRepository figures, Agencies agencies,
                  BenchmarkTargets benchmarkTargets) {
        this.catalogue = catalogue;
        this.values = values;
        this.figures = figures;
        this.agencies = agencies;
        this.benchmarkTargets = benchmarkTargets;
    }

    /** @param agency whose values (default: the indicator's owner agency) */
    public List<SeriesPoint> series(String code, String agency, Caller caller) {
        Indicator indicator = catalogue.require(code);
        String whose = agency(indicator, agency);
        Map<String, IndicatorValue> byPeriod = visibleValues(indicator, whose, caller);
        Figures f = Figures.of(figures.findByIndicatorCode(code));
        TreeSet<Period> periods = new TreeSet<>();
        byPeriod.keySet().forEach(p -> Period.parse(p).ifPresent(periods::add));
        f.targetPeriods().forEach(p -> Period.parse(p, indicator.frequency()).ifPresent(periods::add));
        List<SeriesPoint> points = new ArrayList<>(periods.size());
        BenchmarkTargets.Lookup fromBenchmark = benchmarkTargets.of(List.of(indicator));
        for (Period period : periods) {
            IndicatorValue v = byPeriod.get(period.id());
            IndicatorValue prev = byPeriod.get(period.previous().id());
            points.add(point(indicator, whose, period, v, prev, f, fromBenchmark));
        }
        return points;
    }

    public ChangeView change(String code, String from, String to, String agency, Caller caller) {
        Indicator indicator = catalogue.require(code);
        String whose = agency(indicator, agency);
        Period fromPeriod = Period.parse(from, indicator.frequency())
                .orElseThrow(() -> new InvalidRequestException("from", "'" + from + "' is not a " + indicator.frequency() + " period"));
        Period toPeriod = Period.parse(to, indicator.frequency())
                .orElseThrow(() -> new InvalidRequestException("to", "'" + to + "' is not a " + indicator.frequency() + " period"));
        Map<String, IndicatorValue> byPeriod = visibleValues(indicator, whose, caller);
        IndicatorValue a = byPeriod.get(fromPeriod.id());
        IndicatorValue b = byPeriod.get(toPeriod.id());
        if (a == null || b == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No value of " + code + " for " + whose + " in "
                    + (a == null ? from : to));
        }
        Change change = Change.between(a.amount(), b.amount());
        return new ChangeView(code, whose, from, to, fromPeriod.label(), toPeriod.label(), Rates.clean(a.amount()),
                Rates.clean(b.amount()), change.change(), change.percent());
    }

    private Map<String, IndicatorValue> visibleValues(Indicator indicator, String agency, Caller caller) {
        return values.series(indicator.code(), agency).stream()
                .filter(v -> ValueVisibility.visible(caller, indicator, v))
                .collect(Collectors.toMap(IndicatorValue::period, Function.identity()));
    }

    private String agency(Indicator indicator, String agency) {
        if (agency == null || agency.isBlank()) {
            return indicator.ownerAgency();
        }
        if (!agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        return agency;
    }

    /**
     * @param fromBenchmark where the indicator takes its target from published statistics, that figure
     *                      replaces the typed target (and is named in {@code targetBenchmark}); without a
     *                      published figure as at the period the typed target stands
     */
    static SeriesPoint point(Indicator indicator, String agency, Period period, IndicatorValue v, IndicatorValue prev, Figures f,
                             BenchmarkTargets.Lookup fromBenchmark) {
        BigDecimal value = v == null ? null : Rates.clean(v.amount());
        BigDecimal previous = prev == null ? null : Rates.clean(prev.amount());
        BenchmarkTarget benchmarkTarget = fromBenchmark.target(indicator, period).orElse(null);
        BigDecimal target = benchmarkTarget != null ? benchmarkTarget.value() : f.target(period.id());
        Change change = Change.between(previous, value);
        BigDecimal baseline = f.baseline(period);
        Map<String, BigDecimal> benchmarks = f.benchmarks(period);
        Map<String, BigDecimal> gaps = new HashMap<>();
        benchmarks.forEach((comparator, b) -> {
            BigDecimal gap = Rates.gap(value, b);
            if (gap != null) {
                gaps.put(comparator, Rates.clean(gap));
            }
        });
        return new SeriesPoint(period.id(), period.label(), agency, value,
                v == null ? null : Rates.clean(v.numerator()), v == null ? null : Rates.clean(v.denominator()),
                target, Rag.of(value, target, indicator.polarity(), indicator.tolerancePercent()),
                value == null ? Direction.NO_PREVIOUS : Direction.of(value, previous, indicator.polarity()),
                previous, change.change(), change.percent(), baseline,
                Rates.beatsBaseline(value, baseline, indicator.polarity()), benchmarks, gaps,
                v == null ? null : v.status(), v == null ? null : v.commentary(),
                value != null && ValueRules.isOutlier(value, previous), benchmarkTarget == null ? null : benchmarkTarget.from(),
                benchmarkTarget);
    }
}
