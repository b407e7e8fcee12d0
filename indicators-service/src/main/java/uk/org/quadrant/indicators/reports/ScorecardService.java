package uk.org.quadrant.indicators.reports;

import uk.org.quadrant.indicators.domain.Rates;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.access.Agencies;
import uk.org.quadrant.indicators.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Direction;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Rag;
import uk.org.quadrant.indicators.problem.InvalidRequestException;
import uk.org.quadrant.indicators.targets.ReferenceFigure;
import uk.org.quadrant.indicators.targets.ReferenceFigureRepository;
import uk.org.quadrant.indicators.values.IndicatorValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The scorecard (latest value per indicator) and its exceptions (red, or amber and worsening). */
@Singleton
public class ScorecardService {

    private final IndicatorCatalogue catalogue;
    private final ReferenceFigureRepository figures;
    private final LatestValues latest;
    private final Agencies agencies;
    private final DataVersion dataVersion;
    /** Recent scorecards by what decides their content: who may see what, and the filters. */
    private final Map<CacheKey, Cached> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Cached> eldest) {
            return size() > 256;
        }
    });

    private record CacheKey(String callerAgency, boolean board, String agency, Integer priority, String period) {
    }

    private record Cached(long version, List<ScorecardRow> rows) {
    }

    ScorecardService(IndicatorCatalogue catalogue, ReferenceFigureRepository figures, LatestValues latest, Agencies agencies,
                     DataVersion dataVersion) {
        this.catalogue = catalogue;
        this.figures = figures;
        this.latest = latest;
        this.agencies = agencies;
        this.dataVersion = dataVersion;
    }

    /**
     * @param agency   only indicators this agency owns
     * @param priority only indicators of this business-plan priority
     * @param period   "as at": the latest value whose period starts no later than this period ends
     */
    @Transactional(readOnly = true)
    public List<ScorecardRow> scorecard(Caller caller, String agency, Integer priority, String period) {
        if (agency != null && !agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        if (priority != null && (priority < 1 || priority > 8)) {
            throw new InvalidRequestException("priority", "must be between 1 and 8");
        }
        // Read far more often than written: reuse a scorecard while the data version is unchanged.
        CacheKey key = new CacheKey(caller.agency(), caller.isBoard(), agency, priority, period);
        long version = dataVersion.current();
        Cached hit = cache.get(key);
        if (hit != null && hit.version() == version) {
            return hit.rows();
        }
        List<ScorecardRow> rows = compute(caller, agency, priority, period);
        cache.put(key, new Cached(version, rows));
        return rows;
    }

    private List<ScorecardRow> compute(Caller caller, String agency, Integer priority, String period) {
        LocalDate asAt = period == null ? LocalDate.of(9999, 12, 31)
                : Period.parse(period).map(Period::end)
                .orElseThrow(() -> new InvalidRequestException("period", "'" + period + "' is not a period identifier"));
        List<Indicator> indicators = catalogue.all().stream()
                .filter(Indicator::active)
                .filter(i -> agency == null || i.ownerAgency().equals(agency))
                .filter(i -> priority == null || i.priority() == priority)
                .toList();
        if (indicators.isEmpty()) {
            return List.of();
        }
        Map<String, List<IndicatorValue>> values = latest.load(caller, asAt, indicators);
        Map<String, List<ReferenceFigure>> refs = figures.findByIndicatorCodeInList(
                        indicators.stream().map(Indicator::code).toList()).stream()
                .collect(Collectors.groupingBy(ReferenceFigure::indicatorCode));
        List<ScorecardRow> rows = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            rows.add(row(indicator, values.getOrDefault(indicator.code(), List.of()),
                    Figures.of(refs.getOrDefault(indicator.code(), List.of()))));
        }
        return rows;
    }

    public List<ScorecardRow> exceptions(Caller caller, String agency, Integer priority, String period) {
        return scorecard(caller, agency, priority, period).stream()
                .filter(r -> r.rag() == Rag.RED || (r.rag() == Rag.AMBER && r.direction() == Direction.WORSENING))
                .toList();
    }

    private static ScorecardRow row(Indicator indicator, List<IndicatorValue> history, Figures f) {
        if (history.isEmpty()) {
            return new ScorecardRow(indicator.code(), indicator.title(), indicator.unit(), indicator.polarity(), indicator.priority(),
                    indicator.ownerAgency(), null, null, null, null, Rag.DATA_ONLY, Direction.NO_PREVIOUS, null, null, null,
                    Map.of(), null, null, false, List.of());
        }
        IndicatorValue last = history.get(history.size() - 1);
        Period period = Period.parse(last.period()).orElseThrow();
        Map<String, IndicatorValue> byPeriod = history.stream().collect(Collectors.toMap(IndicatorValue::period, Function.identity()));
        SeriesPoint p = SeriesService.point(indicator, indicator.ownerAgency(), period, last, byPeriod.get(period.previous().id()), f);
        List<ScorecardRow.TrendPoint> trend = history.stream()
                .map(v -> new ScorecardRow.TrendPoint(v.period(), Rates.clean(v.amount()))).toList();
        return new ScorecardRow(indicator.code(), indicator.title(), indicator.unit(), indicator.polarity(), indicator.priority(),
                indicator.ownerAgency(), p.period(), p.periodLabel(), p.value(), p.target(), p.rag(), p.direction(),
                p.previousValue(), p.change(), p.changePercent(), p.benchmarks(), p.status(), p.comment(), p.outlier(), trend);
    }
}
