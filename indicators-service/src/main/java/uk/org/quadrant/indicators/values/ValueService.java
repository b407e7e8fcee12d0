package uk.org.quadrant.indicators.values;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.ValueAction;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.indicators.domain.ValueWorkflow;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.UniqueKeyViolation;
import uk.org.quadrant.indicators.versions.ScorecardVersions;
import uk.org.quadrant.indicators.targets.Population;
import uk.org.quadrant.indicators.targets.PopulationRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Entering values and moving them through sign-off. Each write is one transaction that also writes
 * the change log; a stale version is a 409.
 */
@Singleton
public class ValueService {

    private final IndicatorValueRepository values;
    private final IndicatorCatalogue catalogue;
    private final PopulationRepository populations;
    private final Agencies agencies;
    private final ChangeRecorder changes;
    private final ScorecardVersions scorecardVersions;

    ValueService(IndicatorValueRepository values, IndicatorCatalogue catalogue, PopulationRepository populations,
                 Agencies agencies, ChangeRecorder changes, ScorecardVersions scorecardVersions) {
        this.scorecardVersions = scorecardVersions;
        this.values = values;
        this.catalogue = catalogue;
        this.populations = populations;
        this.agencies = agencies;
        this.changes = changes;
    }

    /** The values of one indicator the caller may see, oldest first. */
    public List<ValueView> list(String code, Caller caller) {
        Indicator indicator = catalogue.require(code);
        return values.allOf(code).stream()
                .filter(v -> ValueVisibility.visible(caller, indicator, v))
                .sorted(java.util.Comparator.comparing(IndicatorValue::periodStart).thenComparing(IndicatorValue::agencyCode))
                .map(ValueView::of)
                .toList();
    }

    public ValueView get(String code, String period, String agency, Caller caller) {
        Indicator indicator = catalogue.require(code);
        String whose = whose(agency, indicator, caller);
        return values.findByIndicatorCodeAndAgencyCodeAndPeriod(code, whose, period)
                .filter(v -> ValueVisibility.visible(caller, indicator, v))
                .map(ValueView::of)
                .orElseThrow(() -> notFound(code, period, whose));
    }

    @Transactional
    public ValueView put(String code, String period, ValueRequest request, Caller caller) {
        Indicator indicator = catalogue.require(code);
        String agency = whose(request.agency(), indicator, caller);
        if (!caller.mayWriteFor(agency)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You can only enter your own agency's values");
        }
        Period p = period(indicator, period);
        Optional<IndicatorValue> current = values.findByIndicatorCodeAndAgencyCodeAndPeriod(code, agency, period);
        if (current.isPresent() && request.version() == null) {
            // No version means "this value is new": someone entered it meanwhile (or the client never read it).
            throw new HttpStatusException(HttpStatus.CONFLICT, "This value already exists (version " + current.get().version()
                    + ", status " + current.get().status() + "); reload it and send its version to change it");
        }
        if (current.isPresent()) {
            checkVersion(current.get(), request.version(), true);
        } else if (request.version() != null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This value no longer exists; reload and try again");
        }
        ValueWorkflow.next(current.map(IndicatorValue::status).orElse(null), ValueAction.EDIT);
        ValueRules.Resolved resolved = ValueRules.resolve(indicator, request.value(), request.numerator(), request.denominator(),
                year -> population(indicator, year), p.populationYear());
        BigDecimal previous = values.findByIndicatorCodeAndAgencyCodeAndPeriod(code, agency, p.previous().id())
                .map(IndicatorValue::amount).orElse(null);
        Instant now = Instant.now();
        IndicatorValue next = new IndicatorValue(current.map(IndicatorValue::id).orElse(null), code, period, p.start(), agency,
                resolved.value(), resolved.numerator(), resolved.denominator(), blankToNull(request.comment()),
                ValueStatus.DRAFT, null, ValueRules.isOutlier(resolved.value(), previous),
                null, null, null, null, caller.username(), now, current.map(IndicatorValue::version).orElse(null));
        IndicatorValue saved = current.isPresent() ? values.update(next) : insert(next);
        // The following value's stored outlier flag is on no scorecard (it recomputes outliers from
        // the values it shows), so the reflag does not widen what this write changes there.
        reflagFollowing(code, agency, p, saved.amount());
        changes.record(caller, "value", key(code, agency, period), current.isPresent() ? "UPDATE" : "CREATE",
                current.map(ValueView::of).orElse(null), ValueView.of(saved));
        scorecardVersions.bump(ScorecardVersions.changes()
                .value(agency, current.map(IndicatorValue::status).orElse(null), saved.status()));
        return ValueView.of(saved);
    }

    @Transactional
    public ValueView act(String code, String period, ValueAction action, ActionRequest request, Caller caller) {
        Indicator indicator = catalogue.require(code);
        String agency = whose(request.agency(), indicator, caller);
        boolean allowed = switch (action) {
            case SUBMIT -> caller.isManager() || caller.isLeadOf(agency);
            case APPROVE, RETURN, REOPEN -> caller.isManager();
            case EDIT -> false;
        };
        // The manager acts on any value, including a draft it entered for an agency; others on what they see.
        IndicatorValue current = values.findByIndicatorCodeAndAgencyCodeAndPeriod(code, agency, period)
                .filter(v -> caller.isManager() || ValueVisibility.visible(caller, indicator, v))
                .orElseThrow(() -> allowed ? notFound(code, period, agency)
                        : new HttpStatusException(HttpStatus.FORBIDDEN, "You cannot " + verb(action) + " this value"));
        if (!allowed) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You cannot " + verb(action) + " this value");
        }
        checkVersion(current, request.version(), false);
        String reason = blankToNull(request.reason());
        if ((action == ValueAction.RETURN || action == ValueAction.REOPEN) && reason == null) {
            throw new InvalidRequestException("reason", "say why the value is being " + (action == ValueAction.RETURN ? "returned" : "re-opened"));
        }
        ValueStatus next = ValueWorkflow.next(current.status(), action);
        IndicatorValue saved = values.update(current.withStatus(next, reason, caller.username(), Instant.now()));
        changes.record(caller, "value", key(code, agency, period), action.name(), ValueView.of(current), ValueView.of(saved));
        scorecardVersions.bump(ScorecardVersions.changes().value(agency, current.status(), saved.status()));
        return ValueView.of(saved);
    }

    /**
     * A new value. Two people entering the same new value at once both find none; the database's
     * unique key lets one insert through and the other is a conflict (409), not a server error.
     */
    private IndicatorValue insert(IndicatorValue value) {
        try {
            return values.save(value);
        } catch (DataAccessException e) {
            if (UniqueKeyViolation.isCause(e)) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else entered this value at the same moment; reload it and try again");
            }
            throw e;
        }
    }

    /** The next period's outlier flag is measured against this value, so it follows a change here. */
    private void reflagFollowing(String code, String agency, Period period, BigDecimal amount) {
        values.findByIndicatorCodeAndAgencyCodeAndPeriod(code, agency, period.next().id()).ifPresent(following -> {
            boolean outlier = ValueRules.isOutlier(following.amount(), amount);
            if (outlier != following.outlier()) {
                values.updateOutlier(following.id(), outlier);
            }
        });
    }

    /** Agency users act on their own agency's value; the board names one, defaulting to the owner. */
    private String whose(String requested, Indicator indicator, Caller caller) {
        if (requested == null || requested.isBlank()) {
            return caller.isBoard() || caller.agency().isEmpty() ? indicator.ownerAgency() : caller.agency();
        }
        if (!agencies.exists(requested)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        return requested;
    }

    private OptionalLong population(Indicator indicator, int year) {
        if (indicator.population() == null) {
            return OptionalLong.empty();
        }
        return populations.findByPopulationCodeAndPopulationYear(indicator.population(), year)
                .map(p -> OptionalLong.of(p.populationValue())).orElse(OptionalLong.empty());
    }

    static Period period(Indicator indicator, String period) {
        return Period.parse(period, indicator.frequency()).orElseThrow(() -> new InvalidRequestException("period",
                "'" + period + "' is not a " + indicator.frequency() + " period"));
    }

    private static void checkVersion(IndicatorValue current, Long version, boolean required) {
        if (version == null) {
            if (required) {
                throw new InvalidRequestException("version", "is required to change an existing value (it is " + current.version() + ")");
            }
            return;
        }
        if (!Objects.equals(version, current.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this value (now version " + current.version()
                    + ", status " + current.status() + "); reload it and try again");
        }
    }

    private static HttpStatusException notFound(String code, String period, String agency) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "No value of " + code + " for " + agency + " in " + period);
    }

    private static String verb(ValueAction action) {
        return action.name().toLowerCase();
    }

    private static String key(String code, String agency, String period) {
        return code + "/" + agency + "/" + period;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
