package uk.org.quadrant.indicators.reports;

import uk.org.quadrant.indicators.domain.Rates;
import io.micronaut.cache.SyncCache;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.benchmarks.BenchmarkTargets;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Direction;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Rag;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.targets.ReferenceFigure;
import uk.org.quadrant.indicators.targets.ReferenceFigureRepository;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scorecard (latest value per indicator) and its exceptions (red, or amber and worsening).
 *
 * <p>Cached in two levels, both checked against {@link ScorecardVersions} (one read of a small
 * table per request): the whole answer per caller class and filters, and under it one segment per
 * owner agency — that agency's indicators as the caller sees them. A write bumps only the (agency,
 * view) counters it changes, so after it only the segments of that agency for that view are
 * computed again and the others are reused: the board's full scorecard after an approval of one
 * CSC value reads CSC's indicators, not the partnership's. Both levels are Caffeine caches bounded in
 * size ({@code micronaut.caches.scorecards} and {@code scorecard-segments} in application.yml); an
 * entry is kept with the counters it was computed at and is served only while they are current.
 */
@Singleton
public class ScorecardService {

    private final IndicatorCatalogue catalogue;
    private final ReferenceFigureRepository figures;
    private final LatestValues latest;
    private final Agencies agencies;
    private final ScorecardVersions versions;
    private final BenchmarkTargets benchmarkTargets;
    /** Recent whole scorecards by who may see what and the filters, with the counters they were built at. */
    private final SyncCache<?> wholes;
    /** Recent segments (one owner agency's indicators) by who may see what and the filters. */
    private final SyncCache<?> segments;
    /** Segments computed, by owner agency: how often a write made a reader recompute (for tests and operators). */
    private final Map<String, LongAdder> computed = new ConcurrentHashMap<>();

    /** What decides a scorecard's content: the caller's agency and board role, and the filters. */
    private record Key(String callerAgency, boolean board, String agency, Integer priority, String period) {
    }

    private record Whole(Map<String, Long> stamp, List<ScorecardRow> rows) {
    }

    /** A segment depends on the caller only through the view it has of the owner agency's values. */
    private record SegmentKey(String ownerAgency, ScorecardVersions.View view, Integer priority, String period) {
    }

    private record Segment(long version, Map<String, ScorecardRow> rows) {
    }

    ScorecardService(IndicatorCatalogue catalogue, ReferenceFigureRepository figures, LatestValues latest, Agencies agencies,
                     ScorecardVersions versions, @Named("scorecards") SyncCache<?> wholes,
                     @Named("scorecard-segments") SyncCache<?> segments, BenchmarkTargets benchmarkTargets) {
        this.benchmarkTargets = benchmarkTargets;
        this.catalogue = catalogue;
        this.figures = figures;
        this.latest = latest;
        this.agencies = agencies;
        this.versions = versions;
        this.wholes = wholes;
        this.segments = segments;
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
        LocalDate asAt = period == null ? LocalDate.of(9999, 12, 31)
                : Period.parse(period).map(Period::end)
                .orElseThrow(() -> new InvalidRequestException("period", "'" + period + "' is not a period identifier"));
        // Read far more often than written: reuse what no write has changed since. The counters are
        // read before the data, so what is computed below is at least as new as the stamp it is kept with.
        ScorecardVersions.Snapshot now = versions.current();
        Key key = new Key(caller.agency(), caller.isBoard(), agency, priority, period);
        Map<String, Long> stamp = now.stamp(caller, agency);
        Whole hit = wholes.get(key, Whole.class).orElse(null);
        if (hit != null && hit.stamp().equals(stamp)) {
            return hit.rows();
        }
        List<ScorecardRow> rows = compute(caller, agency, priority, period, asAt, now);
        wholes.put(key, new Whole(stamp, rows));
        return rows;
    }

    /** How many times a segment of this owner agency's indicators has been computed since start-up. */
    public long computations(String ownerAgency) {
        LongAdder n = computed.get(ownerAgency);
        return n == null ? 0 : n.sum();
    }

    private List<ScorecardRow> compute(Caller caller, String agency, Integer priority, String period, LocalDate asAt,
                                       ScorecardVersions.Snapshot now) {
        List<Indicator> indicators = catalogue.all().stream()
                .filter(Indicator::active)
                .filter(i -> agency == null || i.ownerAgency().equals(agency))
                .filter(i -> priority == null || i.priority() == priority)
                .toList();
        if (indicators.isEmpty()) {
            return List.of();
        }
        // Catalogue order (priority, code) across agencies; each owner agency's rows from its segment.
        Map<String, List<Indicator>> byOwner = indicators.stream()
                .collect(Collectors.groupingBy(Indicator::ownerAgency, TreeMap::new, Collectors.toList()));
        Map<String, ScorecardRow> rows = new HashMap<>(indicators.size() * 2);
        for (Map.Entry<String, List<Indicator>> e : byOwner.entrySet()) {
            rows.putAll(segment(caller, e.getKey(), e.getValue(), priority, period, asAt, now).rows());
        }
        List<ScorecardRow> out = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            out.add(rows.get(indicator.code()));
        }
        return List.copyOf(out);
    }

    /** The segment of one owner agency's indicators as this caller sees them, cached or computed now. */
    private Segment segment(Caller caller, String owner, List<Indicator> owned, Integer priority, String period, LocalDate asAt,
                            ScorecardVersions.Snapshot now) {
        ScorecardVersions.View view = ScorecardVersions.View.of(caller, owner);
        long version = now.of(owner, view);
        SegmentKey key = new SegmentKey(owner, view, priority, period);
        Segment cached = segments.get(key, Segment.class).orElse(null);
        // A definition written between the counters' read and the catalogue's (possible under READ
        // COMMITTED) is not in the cached segment yet: compute it then rather than leave a gap.
        if (cached != null && cached.version() == version && owned.stream().allMatch(i -> cached.rows().containsKey(i.code()))) {
            return cached;
        }
        Segment segment = new Segment(version, rows(caller, owned, asAt));
        segments.put(key, segment);
        computed.computeIfAbsent(owner, a -> new LongAdder()).increment();
        return segment;
    }

    /** The rows of one owner agency's indicators, by code. */
    private Map<String, ScorecardRow> rows(Caller caller, List<Indicator> indicators, LocalDate asAt) {
        Map<String, List<IndicatorValue>> values = latest.load(caller, asAt, indicators);
        Map<String, List<ReferenceFigure>> refs = figures.findByIndicatorCodeInList(
                        indicators.stream().map(Indicator::code).toList()).stream()
                .collect(Collectors.groupingBy(ReferenceFigure::indicatorCode));
        Map<String, ScorecardRow> rows = new HashMap<>(indicators.size() * 2);
        BenchmarkTargets.Lookup fromBenchmark = benchmarkTargets.of(indicators);
        for (Indicator indicator : indicators) {
            rows.put(indicator.code(), row(indicator, values.getOrDefault(indicator.code(), List.of()),
                    Figures.of(refs.getOrDefault(indicator.code(), List.of())), fromBenchmark));
        }
        return rows;
    }

    public List<ScorecardRow> exceptions(Caller caller, String agency, Integer priority, String period) {
        return scorecard(caller, agency, priority, period).stream()
                .filter(r -> r.rag() == Rag.RED || (r.rag() == Rag.AMBER && r.direction() == Direction.WORSENING))
                .toList();
    }

    private static ScorecardRow row(Indicator indicator, List<IndicatorValue> history, Figures f, BenchmarkTargets.Lookup fromBenchmark) {
        if (history.isEmpty()) {
            return new ScorecardRow(indicator.code(), indicator.title(), indicator.unit(), indicator.polarity(), indicator.priority(),
                    indicator.ownerAgency(), null, null, null, null, Rag.DATA_ONLY, Direction.NO_PREVIOUS, null, null, null,
                    Map.of(), null, null, false, List.of(), null, null);
        }
        IndicatorValue last = history.get(history.size() - 1);
        Period period = Period.parse(last.period()).orElseThrow();
        Map<String, IndicatorValue> byPeriod = history.stream().collect(Collectors.toMap(IndicatorValue::period, Function.identity()));
        SeriesPoint p = SeriesService.point(indicator, indicator.ownerAgency(), period, last, byPeriod.get(period.previous().id()), f,
                fromBenchmark);
        List<ScorecardRow.TrendPoint> trend = history.stream()
                .map(v -> new ScorecardRow.TrendPoint(v.period(), Rates.clean(v.amount()))).toList();
        return new ScorecardRow(indicator.code(), indicator.title(), indicator.unit(), indicator.polarity(), indicator.priority(),
                indicator.ownerAgency(), p.period(), p.periodLabel(), p.value(), p.target(), p.rag(), p.direction(),
                p.previousValue(), p.change(), p.changePercent(), p.benchmarks(), p.status(), p.comment(), p.outlier(), trend,
                p.targetFrom(), p.targetBenchmark());
    }
}
