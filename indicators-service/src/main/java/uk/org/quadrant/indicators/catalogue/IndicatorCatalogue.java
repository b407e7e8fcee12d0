package uk.org.quadrant.indicators.catalogue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Defining and changing indicators (board manager), and looking them up. */
@Singleton
public class IndicatorCatalogue {

    public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.TEN;

    private final IndicatorRepository indicators;
    private final Agencies agencies;
    private final ChangeRecorder changes;
    private final ScorecardVersions scorecardVersions;

    IndicatorCatalogue(IndicatorRepository indicators, Agencies agencies, ChangeRecorder changes, ScorecardVersions scorecardVersions) {
        this.scorecardVersions = scorecardVersions;
        this.indicators = indicators;
        this.agencies = agencies;
        this.changes = changes;
    }

    public List<Indicator> all() {
        return indicators.listOrderByPriorityThenCode();
    }

    public Optional<Indicator> find(String code) {
        return indicators.findById(code).filter(i -> i.code().equals(code));
    }

    /** The indicator, or a 404 that names it. */
    public Indicator require(String code) {
        return find(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No indicator " + code));
    }

    @Transactional
    public Indicator create(IndicatorDefinition definition, Caller caller) {
        check(definition);
        if (indicators.existsById(definition.code())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Indicator " + definition.code() + " already exists");
        }
        Indicator created = indicators.save(toIndicator(definition, null, caller));
        changes.record(caller, "indicator", created.code(), "CREATE", null, created);
        scorecardVersions.bump(ScorecardVersions.changes().everything(created.ownerAgency()));
        return created;
    }

    @Transactional
    public Indicator update(String code, IndicatorDefinition definition, Caller caller) {
        if (!code.equals(definition.code())) {
            throw new InvalidRequestException("code", "must match the indicator in the path (" + code + ")");
        }
        check(definition);
        Indicator current = require(code);
        if (definition.version() == null) {
            throw new InvalidRequestException("version", "is required to change an indicator");
        }
        if (!Objects.equals(definition.version(), current.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Indicator " + code + " was changed by someone else (version "
                    + current.version() + "); reload it and try again");
        }
        Indicator next = toIndicator(definition, current.version(), caller);
        // Left out of an update, "published" and "active" keep their current setting.
        next = new Indicator(next.code(), next.title(), next.description(), next.unit(), next.polarity(), next.frequency(),
                next.ownerAgency(), next.priority(), next.tolerancePercent(), next.numeratorLabel(), next.denominatorLabel(),
                next.population(), definition.published() == null ? current.published() : next.published(),
                definition.active() == null ? current.active() : next.active(), next.version(), next.updatedBy(), next.updatedAt());
        Indicator updated = indicators.update(next);
        changes.record(caller, "indicator", code, "UPDATE", current, updated);
        // Both owners when it moves: it leaves one agency's scorecard rows and joins the other's.
        scorecardVersions.bump(ScorecardVersions.changes().everything(current.ownerAgency()).everything(updated.ownerAgency()));
        return updated;
    }

    private void check(IndicatorDefinition definition) {
        if (!agencies.exists(definition.ownerAgency())) {
            throw new InvalidRequestException("ownerAgency", "is not a known agency code");
        }
        if (definition.unit() == Unit.RATE_PER_10K && definition.population() == null
                && definition.denominatorLabel() == null) {
            throw new InvalidRequestException("population", "a rate per 10,000 needs a population (e.g. UNDER_18) or a denominator label");
        }
    }

    private static Indicator toIndicator(IndicatorDefinition d, Long version, Caller caller) {
        return new Indicator(d.code(), d.title().trim(), d.description(), d.unit(), d.polarity(), d.frequency(),
                d.ownerAgency(), d.priority(), d.tolerancePercent() == null ? DEFAULT_TOLERANCE : d.tolerancePercent(),
                d.numeratorLabel(), d.denominatorLabel(), d.population(),
                d.published() == null || d.published(), d.active() == null || d.active(),
                version, caller.username(), Instant.now());
    }
}
