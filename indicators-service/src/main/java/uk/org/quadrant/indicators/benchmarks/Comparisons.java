package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.cache.SyncCache;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;
import uk.org.quadrant.indicators.values.ValueVisibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Comparisons of the partnership with England, its region and its neighbours, from the imported
 * figures. The published part of a comparison is cached (Caffeine, {@code benchmark-comparisons})
 * with the id of the indicator's newest import and the place it was computed for, and served only
 * while both are current (one indexed read), so an import on any replica is seen at once; the
 * partnership's own local value is read for each caller (who sees which value is theirs to decide).
 */
@Singleton
public class Comparisons {

    private final IndicatorCatalogue catalogue;
    private final FigureStore store;
    private final ImportRecordRepository imports;
    private final PlaceService places;
    private final NeighbourModels models;
    private final Geographies geographies;
    private final IndicatorValueRepository values;
    private final SyncCache<?> cache;

    Comparisons(IndicatorCatalogue catalogue, FigureStore store, ImportRecordRepository imports, PlaceService places,
                NeighbourModels models, Geographies geographies, IndicatorValueRepository values,
                @Named("benchmark-comparisons") SyncCache<?> cache) {
        this.catalogue = catalogue;
        this.store = store;
        this.imports = imports;
        this.places = places;
        this.models = models;
        this.geographies = geographies;
        this.values = values;
        this.cache = cache;
    }

    private record Key(String indicator, long importId, String laCode, String model) {
    }

    /** Every period's published comparison of one indicator, by period id. */
    private record Published(Map<String, Comparison> byPeriod) {
    }

    /** The comparison for a period (null: the latest period with figures); 404 without figures. */
    @Transactional(readOnly = true)
    public Comparison compare(String code, String period, Caller caller) {
        Indicator indicator = catalogue.require(code);
        Published published = published(indicator);
        String p;
        if (period == null || period.isBlank()) {
            p = latest(published).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                    "No published figures for " + code + " yet: import them first"));
        } else {
            p = Period.parse(period.strip(), indicator.frequency()).map(Period::id).orElseThrow(() -> new InvalidRequestException("period",
                    "'" + EesTime.clip(period) + "' is not a " + indicator.frequency() + " period"));
        }
        Comparison c = published.byPeriod().get(p);
        if (c == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No published figures for " + code + " in " + p);
        }
        return withLocal(c, indicator, caller);
    }

    /** Every period with figures, oldest first (the chart over time); empty without figures. */
    @Transactional(readOnly = true)
    public List<Comparison> series(String code, Caller caller) {
        Indicator indicator = catalogue.require(code);
        Map<String, IndicatorValue> local = new HashMap<>();
        values.series(code, indicator.ownerAgency()).stream().filter(v -> ValueVisibility.visible(caller, indicator, v))
                .forEach(v -> local.put(v.period(), v));
        return published(indicator).byPeriod().values().stream()
                .sorted(Comparator.comparing(c -> Period.parse(c.period()).orElseThrow()))
                .map(c -> withLocal(c, local.get(c.period())))
                .toList();
    }

    Indicator indicator(String code) {
        return catalogue.require(code);
    }

    /** The latest comparison of the indicator, or empty without figures. */
    @Transactional(readOnly = true)
    public Optional<Comparison> latest(String code, Caller caller) {
        Indicator indicator = catalogue.require(code);
        Published published = published(indicator);
        return latest(published).map(p -> withLocal(published.byPeriod().get(p), indicator, caller));
    }

    /** The published comparison of the indicator for a period or the latest before it, without the local value (for RAG). */
    public Optional<Comparison> asAt(Indicator indicator, Period period) {
        return asAt(published(indicator), period);
    }

    private static Optional<Comparison> asAt(Published published, Period period) {
        return published.byPeriod().values().stream()
                .filter(c -> Period.parse(c.period()).map(p -> !p.start().isAfter(period.start())).orElse(false))
                .max(Comparator.comparing(c -> Period.parse(c.period()).orElseThrow()));
    }

    private static Optional<String> latest(Published published) {
        return published.byPeriod().keySet().stream().max(Comparator.comparing(p -> Period.parse(p).orElseThrow()));
    }

    private Comparison withLocal(Comparison c, Indicator indicator, Caller caller) {
        IndicatorValue v = values.findByIndicatorCodeAndAgencyCodeAndPeriod(indicator.code(), indicator.ownerAgency(), c.period())
                .filter(x -> ValueVisibility.visible(caller, indicator, x)).orElse(null);
        return withLocal(c, v);
    }

    private static Comparison withLocal(Comparison c, IndicatorValue v) {
        Comparison.La la = c.la();
        Comparison.La local = new Comparison.La(la.code(), la.name(), la.value(), la.suppressed(),
                v == null ? null : Rates.clean(v.amount()), v == null ? null : v.status().name(), la.rate());
        return new Comparison(c.indicator(), c.title(), c.unit(), c.polarity(), c.period(), c.periodLabel(), local, c.england(),
                c.region(), c.neighbours(), c.rank(), c.quartile(), c.versus(), c.source(), c.comparedOn());
    }

    /**
     * The latest comparison of each of these indicators that has published figures, by code (with
     * {@code asAt}: the latest whose period starts no later than it does, the period itself where published): the place,
     * the newest imports and the local values each read once for all of them (the /benchmarks list).
     */
    @Transactional(readOnly = true)
    public Map<String, Comparison> latestOf(List<Indicator> indicators, Period asAt, Caller caller) {
        Place place = places.current();
        Map<String, Long> newest = new HashMap<>();
        imports.newestOfEach().forEach(r -> newest.put(r.indicatorCode(), r.id()));
        Map<String, Comparison> out = new HashMap<>();
        for (Indicator indicator : indicators) {
            Published published = published(indicator, newest.getOrDefault(indicator.code(), 0L), place);
            if (asAt == null) {
                latest(published).ifPresent(p -> out.put(indicator.code(), published.byPeriod().get(p)));
            } else {
                asAt(published, asAt).ifPresent(c -> out.put(indicator.code(), c));
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.forEach(i -> byCode.put(i.code(), i));
        Map<String, IndicatorValue> local = new HashMap<>();
        List<String> periods = out.values().stream().map(Comparison::period).distinct().toList();
        for (IndicatorValue v : values.findByIndicatorCodeInListAndPeriodInList(out.keySet(), periods)) {
            Indicator indicator = byCode.get(v.indicatorCode());
            Comparison c = out.get(v.indicatorCode());
            if (indicator != null && c != null && v.agencyCode().equals(indicator.ownerAgency()) && v.period().equals(c.period())
                    && ValueVisibility.visible(caller, indicator, v)) {
                local.put(v.indicatorCode(), v);
            }
        }
        out.replaceAll((code, c) -> withLocal(c, local.get(code)));
        return out;
    }

    private Published published(Indicator indicator) {
        return published(indicator, imports.latestId(indicator.code()).orElse(0L), places.current());
    }

    private Published published(Indicator indicator, long importId, Place place) {
        Key key = new Key(indicator.code(), importId, place.laCode(), place.neighbourModel());
        Published hit = cache.get(key, Published.class).orElse(null);
        if (hit != null) {
            return hit;
        }
        Published computed = importId == 0 ? new Published(Map.of()) : compute(indicator, place);
        cache.put(key, computed);
        return computed;
    }

    private Published compute(Indicator indicator, Place place) {
        Map<String, List<Figure>> byPeriod = new HashMap<>();
        for (Figure f : store.all(indicator.code())) {
            byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f);
        }
        Map<Long, ImportRecord> sources = new HashMap<>();
        List<Long> ids = byPeriod.values().stream().flatMap(List::stream).map(Figure::importId).distinct().toList();
        imports.findByIdInList(ids).forEach(r -> sources.put(r.id(), r));
        Map<String, Comparison> out = new HashMap<>();
        byPeriod.forEach((period, figures) -> out.put(period, comparison(indicator, place, period, figures, sources)));
        return new Published(Map.copyOf(out));
    }

    private Comparison comparison(Indicator indicator, Place place, String period, List<Figure> figures, Map<Long, ImportRecord> sources) {
        Period p = Period.parse(period).orElseThrow();
        PerTenThousand rates = new PerTenThousand(indicator.unit() == Unit.COUNT, p.populationYear());
        Map<String, Figure> byCode = new HashMap<>();
        figures.forEach(f -> byCode.put(f.geoCode(), f));
        Figure own = byCode.get(place.laCode());
        Optional<Geographies.Area> area = geographies.area(place.laCode());
        String regionCode = own != null && own.regionCode() != null ? own.regionCode() : area.map(Geographies.Area::regionCode).orElse(null);
        Figure england = figures.stream().filter(f -> f.level().equals(Figure.NATIONAL)).findFirst().orElse(null);
        Figure region = regionCode == null ? null : byCode.get(regionCode);
        Comparison.La la = new Comparison.La(place.laCode(), own != null && own.geoName() != null ? own.geoName()
                : area.map(Geographies.Area::name).orElse(null), own == null ? null : clean(own.amount()), suppressedOf(own), null, null,
                rates.of(own));
        Comparison.Area englandArea = new Comparison.Area(england == null ? Geographies.ENGLAND : england.geoCode(),
                england == null || england.geoName() == null ? "England" : england.geoName(),
                england == null ? null : clean(england.amount()), suppressedOf(england), rates.of(england));
        Comparison.Area regionArea = new Comparison.Area(regionCode, region != null && region.geoName() != null ? region.geoName()
                : area.map(Geographies.Area::regionName).orElse(null), region == null ? null : clean(region.amount()), suppressedOf(region),
                rates.of(region));
        List<Comparison.Member> members = new ArrayList<>();
        List<BigDecimal> withData = new ArrayList<>();
        List<BigDecimal> withRate = new ArrayList<>();
        for (NeighbourModels.Neighbour n : models.of(place.model(), place.laCode())) {
            Figure f = byCode.get(n.code());
            String name = f != null && f.geoName() != null ? f.geoName() : geographies.area(n.code()).map(Geographies.Area::name).orElse(null);
            BigDecimal rate = rates.of(f);
            members.add(new Comparison.Member(n.code(), name, f == null ? null : clean(f.amount()), f == null ? null : f.suppressed(),
                    n.closeness(), rate));
            if (f != null && f.amount() != null) {
                withData.add(f.amount());
            }
            if (rate != null) {
                withRate.add(rate);
            }
        }
        BigDecimal mean = mean(withData);
        BigDecimal median = median(withData);
        Comparison.Neighbours neighbours = rates.on()
                ? new Comparison.Neighbours(place.neighbourModel(), mean, median, withData.size(), members, mean(withRate), median(withRate),
                withRate.size())
                : new Comparison.Neighbours(place.neighbourModel(), mean, median, withData.size(), members, null, null, null);
        // Ranked, banded and set against the others on the rate for a count, on the published figure otherwise.
        List<BigDecimal> all = figures.stream().filter(f -> f.level().equals(Figure.LA))
                .map(f -> rates.on() ? rates.of(f) : f.amount()).filter(java.util.Objects::nonNull).toList();
        BigDecimal ownValue = rates.on() ? la.rate() : own == null ? null : own.amount();
        Integer position = ownValue == null ? null : 1 + (int) all.stream().filter(v -> better(v, ownValue, indicator.polarity())).count();
        String quartile = position == null || all.isEmpty() ? null
                : String.valueOf((char) ('A' + Math.min(3, (4 * position - 1) / all.size())));
        BigDecimal ownCompared = rates.on() ? la.rate() : la.value();
        Comparison.Versus versus = new Comparison.Versus(
                relation(ownCompared, rates.on() ? englandArea.rate() : englandArea.value(), indicator.polarity()),
                relation(ownCompared, rates.on() ? regionArea.rate() : regionArea.value(), indicator.polarity()),
                relation(ownCompared, rates.on() ? neighbours.rateMean() : mean, indicator.polarity()));
        Comparison.Source source = figures.stream().map(f -> sources.get(f.importId())).filter(java.util.Objects::nonNull)
                .max(Comparator.comparing(ImportRecord::id))
                .map(r -> new Comparison.Source(r.id(), r.fileName(), r.dataSetId(), r.dataSetVersion(), r.importedAt(), r.importedBy()))
                .orElse(null);
        return new Comparison(indicator.code(), indicator.title(), indicator.unit(), indicator.polarity(), period, p.label(), la,
                englandArea, regionArea, neighbours, new Comparison.Rank(position, all.size()), quartile, versus, source,
                rates.on() ? Comparison.ON_RATE : Comparison.ON_VALUE);
    }

    /**
     * Rates per 10,000 children aged 0 to 17 of a count's figures: the count over the ONS mid-year estimate of
     * the area for the period's population year ({@link Period#populationYear()}: the year to 31 March 2025,
     * Quadrant's 2024April, takes mid-2024, as the publisher does), rounded half up to a whole number as the
     * publisher prints its rates; null when {@code on} is false, the count is suppressed or there is no population.
     */
    private final class PerTenThousand {
        private final boolean on;
        private final int year;

        PerTenThousand(boolean on, int year) {
            this.on = on;
            this.year = year;
        }

        boolean on() {
            return on;
        }

        BigDecimal of(Figure f) {
            if (!on || f == null || f.amount() == null) {
                return null;
            }
            OptionalLong population = geographies.population(f.geoCode(), year);
            if (population.isEmpty() || population.getAsLong() <= 0) {
                return null;
            }
            return f.amount().multiply(TEN_THOUSAND).divide(BigDecimal.valueOf(population.getAsLong()), 0, RoundingMode.HALF_UP);
        }
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** Whether {@code a} ranks before {@code b}: higher first for HIGHER_IS_BETTER, lower first otherwise (NEUTRAL too). */
    static boolean better(BigDecimal a, BigDecimal b, Polarity polarity) {
        int cmp = a.compareTo(b);
        return polarity == Polarity.HIGHER_IS_BETTER ? cmp > 0 : cmp < 0;
    }

    static Comparison.Relation relation(BigDecimal value, BigDecimal other, Polarity polarity) {
        if (value == null || other == null) {
            return new Comparison.Relation(null, null, null);
        }
        int cmp = value.compareTo(other);
        String relation = cmp > 0 ? "HIGHER" : cmp < 0 ? "LOWER" : "SAME";
        Boolean better = cmp == 0 || polarity == Polarity.NEUTRAL ? null : better(value, other, polarity);
        return new Comparison.Relation(Rates.clean(value.subtract(other)), relation, better);
    }

    static BigDecimal mean(List<BigDecimal> xs) {
        if (xs.isEmpty()) {
            return null;
        }
        BigDecimal sum = xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Rates.clean(sum.divide(BigDecimal.valueOf(xs.size()), 4, RoundingMode.HALF_UP));
    }

    static BigDecimal median(List<BigDecimal> xs) {
        if (xs.isEmpty()) {
            return null;
        }
        List<BigDecimal> s = xs.stream().sorted().toList();
        int n = s.size();
        BigDecimal m = n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        return Rates.clean(m);
    }

    private static BigDecimal clean(BigDecimal d) {
        return Rates.clean(d);
    }

    private static String suppressedOf(Figure f) {
        return f == null ? null : f.suppressed();
    }
}
