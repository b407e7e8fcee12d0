package uk.org.quadrant.indicators.targets;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Setting and reading targets, baselines and benchmarks (board manager writes, everyone reads). */
@Singleton
public class ReferenceFigures {

    private static final Pattern COMPARATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _'&().-]{0,63}");

    private final ReferenceFigureRepository figures;
    private final IndicatorCatalogue catalogue;
    private final ChangeRecorder changes;
    private final ScorecardVersions scorecardVersions;

    ReferenceFigures(ReferenceFigureRepository figures, IndicatorCatalogue catalogue, ChangeRecorder changes, ScorecardVersions scorecardVersions) {
        this.scorecardVersions = scorecardVersions;
        this.figures = figures;
        this.catalogue = catalogue;
        this.changes = changes;
    }

    public List<FigureView> list(String indicatorCode, ReferenceKind kind) {
        catalogue.require(indicatorCode);
        return figures.findByIndicatorCodeAndKind(indicatorCode, kind).stream()
                .sorted(Comparator.comparing((ReferenceFigure f) -> Period.parse(f.period()).orElseThrow())
                        .thenComparing(ReferenceFigure::comparator))
                .map(ReferenceFigures::view)
                .toList();
    }

    @Transactional
    public FigureView put(String indicatorCode, ReferenceKind kind, String period, String comparator, BigDecimal value, Caller caller) {
        Indicator indicator = catalogue.require(indicatorCode);
        checkPeriod(indicator, period);
        if (value.signum() < 0 || (indicator.unit() == uk.org.quadrant.indicators.domain.Unit.PERCENT
                && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidRequestException("value", indicator.unit() == uk.org.quadrant.indicators.domain.Unit.PERCENT
                    ? "a percentage must be between 0 and 100" : "must be zero or more");
        }
        String comp = normaliseComparator(kind, comparator);
        Optional<ReferenceFigure> current = figures.findByIndicatorCodeAndKindAndPeriodAndComparator(indicatorCode, kind, period, comp);
        ReferenceFigure next = new ReferenceFigure(current.map(ReferenceFigure::id).orElse(null), indicatorCode, kind, period,
                comp, value, caller.username(), Instant.now());
        ReferenceFigure saved = current.isPresent() ? figures.update(next) : figures.save(next);
        changes.record(caller, kind.name().toLowerCase(), indicatorCode + "/" + period + (comp.isEmpty() ? "" : "/" + comp),
                current.isPresent() ? "UPDATE" : "CREATE", current.map(ReferenceFigure::figure).orElse(null), value);
        scorecardVersions.bump(ScorecardVersions.changes().everything(indicator.ownerAgency()));
        return view(saved);
    }

    @Transactional
    public void delete(String indicatorCode, ReferenceKind kind, String period, String comparator, Caller caller) {
        Indicator indicator = catalogue.require(indicatorCode);
        String comp = normaliseComparator(kind, comparator);
        ReferenceFigure current = figures.findByIndicatorCodeAndKindAndPeriodAndComparator(indicatorCode, kind, period, comp)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No " + kind.name().toLowerCase() + " for " + period));
        figures.delete(current);
        changes.record(caller, kind.name().toLowerCase(), indicatorCode + "/" + period + (comp.isEmpty() ? "" : "/" + comp),
                "DELETE", current.figure(), null);
        scorecardVersions.bump(ScorecardVersions.changes().everything(indicator.ownerAgency()));
    }

    static void checkPeriod(Indicator indicator, String period) {
        if (Period.parse(period, indicator.frequency()).isEmpty()) {
            throw new InvalidRequestException("period", "'" + period + "' is not a " + indicator.frequency()
                    + " period (see the period formats in the API documentation)");
        }
    }

    private static String normaliseComparator(ReferenceKind kind, String comparator) {
        if (kind != ReferenceKind.BENCHMARK) {
            return "";
        }
        if (comparator == null || !COMPARATOR.matcher(comparator).matches()) {
            throw new InvalidRequestException("comparator", "must be ENGLAND, REGION, STATISTICAL_NEIGHBOURS or an authority's name (up to 64 characters)");
        }
        return comparator;
    }

    static FigureView view(ReferenceFigure f) {
        return new FigureView(f.indicatorCode(), f.period(), Period.parse(f.period()).map(Period::label).orElse(f.period()),
                f.comparator().isEmpty() ? null : f.comparator(), f.figure().stripTrailingZeros(), f.updatedBy(), f.updatedAt());
    }
}
