package uk.org.quadrant.indicators.imports;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.dhis2.Dhis2Mappings;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.common.changelog.ChangeLogRepository;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.indicators.imports.ImportResult.RowError;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.indicators.versions.ScorecardVersions;
import uk.org.quadrant.indicators.targets.Population;
import uk.org.quadrant.indicators.targets.PopulationRepository;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;
import uk.org.quadrant.indicators.values.ValueRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports values all-or-nothing: every row is checked first (indicator, period, agency and the
 * caller's right to write it, numbers, unit rules, workflow state, duplicates); any error means
 * nothing is written and every error is reported by row and column. A dry run stops after the
 * checks. Imported values land as DRAFT for the agency to review and submit.
 *
 * <p>DHIS2 (issue 20): a data element is resolved through its mapping (its category option combo's own, else the
 * one for every combo) and an org unit through its mapping; a code that is no mapped UID is taken as an indicator
 * or agency code, as before. A row with {@code deleted} true removes the agency's value if it is a draft (or
 * returned), is refused if it is submitted or approved, and does nothing if there is no value.
 */
@Singleton
public class ImportService {

    private final ImportFormats formats;
    private final IndicatorCatalogue catalogue;
    private final IndicatorValueRepository values;
    private final PopulationRepository populations;
    private final ChangeLogRepository changeLog;
    private final Agencies agencies;
    private final ScorecardVersions scorecardVersions;
    private final Dhis2Mappings dhis2;

    ImportService(ImportFormats formats, IndicatorCatalogue catalogue, IndicatorValueRepository values,
                  PopulationRepository populations, ChangeLogRepository changeLog, Agencies agencies, ScorecardVersions scorecardVersions,
                  Dhis2Mappings dhis2) {
        this.scorecardVersions = scorecardVersions;
        this.dhis2 = dhis2;
        this.formats = formats;
        this.catalogue = catalogue;
        this.values = values;
        this.populations = populations;
        this.changeLog = changeLog;
        this.agencies = agencies;
    }

    public enum Format { QUADRANT, DHIS2 }

    /** A row that passed every check, ready to write (its indicator and agency by code); {@code delete}: DHIS2's deleted row. */
    private record Checked(ImportRow row, Indicator indicator, Period period, ValueRules.Resolved resolved, IndicatorValue existing,
                           boolean delete) {
    }

    @Transactional
    public ImportResult run(Format format, boolean json, String body, boolean dryRun, Caller caller) {
        ImportFormats.Parsed parsed = switch (format) {
            case QUADRANT -> formats.quadrantCsv(body);
            case DHIS2 -> json ? formats.dhis2Json(body) : formats.dhis2Csv(body);
        };
        List<RowError> errors = new ArrayList<>(parsed.errors());
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, dryRun, errors);
        }
        if (parsed.rows().isEmpty()) {
            return new ImportResult(0, 0, dryRun, List.of(new RowError(0, "", "the file has a header but no rows")));
        }
        Map<String, Indicator> indicators = catalogue.all().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
        Dhis2Mappings.Resolver resolver = format == Format.DHIS2 ? dhis2.resolver() : null;
        Set<String> codes = parsed.rows().stream().map(r -> indicatorOf(r, resolver)).filter(c -> c != null && indicators.containsKey(c))
                .collect(Collectors.toSet());
        // Only the periods the file touches, and the ones before them (for the outlier check): the
        // cost follows the file, not the history already held.
        Set<String> periods = new HashSet<>();
        for (ImportRow row : parsed.rows()) {
            Period.parse(row.period()).ifPresent(p -> {
                periods.add(p.id());
                periods.add(p.previous().id());
                periods.add(p.next().id());
            });
        }
        Map<String, IndicatorValue> existing = codes.isEmpty() || periods.isEmpty() ? Map.of()
                : values.findByIndicatorCodeInListAndPeriodInList(codes, periods).stream()
                .collect(Collectors.toMap(v -> key(v.indicatorCode(), v.agencyCode(), v.period()), Function.identity()));
        Map<String, Long> population = new HashMap<>();
        for (Population p : populations.findAll()) {
            population.put(p.populationCode() + "/" + p.populationYear(), p.populationValue());
        }
        Set<String> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>(parsed.rows().size());
        for (ImportRow row : parsed.rows()) {
            Checked c = check(row, resolver, indicators, existing, population, seen, caller, errors);
            if (c != null) {
                checked.add(c);
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, checked.size(), dryRun, errors);
        }
        if (dryRun) {
            return new ImportResult(0, checked.size(), true, List.of());
        }
        write(checked, existing, caller);
        return new ImportResult(checked.size(), checked.size(), false, List.of());
    }

    /** The indicator code a row names: its data element's mapping (DHIS2), else the code as written; null if its combo has none. */
    private static String indicatorOf(ImportRow row, Dhis2Mappings.Resolver resolver) {
        if (resolver != null && resolver.isMappedDataElement(row.indicatorCode())) {
            return resolver.indicator(row.indicatorCode(), row.combo());
        }
        return row.indicatorCode();
    }

    private Checked check(ImportRow written, Dhis2Mappings.Resolver resolver, Map<String, Indicator> indicators,
                          Map<String, IndicatorValue> existing, Map<String, Long> population, Set<String> seen, Caller caller,
                          List<RowError> errors) {
        ImportRow.Columns col = written.columns();
        int before = errors.size();
        String code = indicatorOf(written, resolver);
        String agency = written.agency();
        if (resolver != null && resolver.agency(agency) != null) {
            agency = resolver.agency(agency);
        }
        ImportRow row = written.resolved(code, agency);
        Indicator indicator = code == null ? null : indicators.get(code);
        if (written.indicatorCode() == null) {
            errors.add(new RowError(row.row(), col.indicator(), "is required"));
        } else if (code == null) {
            errors.add(new RowError(row.row(), col.combo(), "data element " + abbreviate(written.indicatorCode()) + " is mapped for "
                    + String.join(", ", resolver.combosOf(written.indicatorCode())) + ", not for "
                    + (written.combo() == null ? "a value without a category option combo" : abbreviate(written.combo()))));
        } else if (indicator == null) {
            errors.add(new RowError(row.row(), col.indicator(), resolver == null ? "no indicator " + code
                    : "'" + abbreviate(code) + "' is neither a mapped data element nor an indicator code"));
        }
        if (agency == null) {
            errors.add(new RowError(row.row(), col.agency(), "is required"));
        } else if (!agencies.exists(agency)) {
            errors.add(new RowError(row.row(), col.agency(), resolver == null ? "no agency " + agency
                    : "'" + abbreviate(agency) + "' is neither a mapped org unit nor an agency code"));
        } else if (!caller.mayWriteFor(agency)) {
            errors.add(new RowError(row.row(), col.agency(), "you can only import your own agency's values"));
        }
        boolean delete = false;
        if (row.deleted() != null) {
            switch (row.deleted().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> delete = true;
                case "false" -> delete = false;
                default -> errors.add(new RowError(row.row(), col.deleted(), "'" + abbreviate(row.deleted()) + "' is not true or false"));
            }
        }
        Period period = null;
        if (row.period() == null) {
            errors.add(new RowError(row.row(), col.period(), "is required"));
        } else if (indicator != null) {
            period = Period.parse(row.period(), indicator.frequency()).orElse(null);
            if (period == null) {
                errors.add(new RowError(row.row(), col.period(), "'" + row.period() + "' is not a " + indicator.frequency() + " period"));
            }
        }
        // A deleted row's value (DHIS2 writes the last one) is not checked: nothing of it is kept.
        BigDecimal value = delete ? null : number(row, "value", row.value(), errors);
        BigDecimal numerator = delete ? null : number(row, "numerator", row.numerator(), errors);
        BigDecimal denominator = delete ? null : number(row, "denominator", row.denominator(), errors);
        if (row.comment() != null && row.comment().length() > 4000) {
            errors.add(new RowError(row.row(), col.comment(), "at most 4000 characters"));
        }
        if (errors.size() > before || indicator == null || period == null) {
            return null;
        }
        String key = key(indicator.code(), row.agency(), period.id());
        if (!seen.add(key)) {
            errors.add(new RowError(row.row(), col.period(), "a second row for " + indicator.code() + ", " + row.agency()
                    + ", " + period.id()));
            return null;
        }
        IndicatorValue current = existing.get(key);
        if (delete) {
            if (current != null && !current.status().editable()) {
                errors.add(new RowError(row.row(), col.deleted(), "the value for " + period.id() + " is " + current.status()
                        + "; an import removes only a draft or returned value"));
                return null;
            }
            return new Checked(row, indicator, period, null, current, true);
        }
        if (current != null && !current.status().editable()) {
            errors.add(new RowError(row.row(), col.value(), "the value for " + period.id() + " is " + current.status()
                    + (current.status() == ValueStatus.APPROVED ? " and locked" : " and awaiting approval")));
            return null;
        }
        try {
            Period p = period;
            ValueRules.Resolved resolved = ValueRules.resolve(indicator, value, numerator, denominator,
                    year -> indicator.population() == null || !population.containsKey(indicator.population() + "/" + year)
                            ? OptionalLong.empty() : OptionalLong.of(population.get(indicator.population() + "/" + year)),
                    p.populationYear());
            return new Checked(row, indicator, period, resolved, current, false);
        } catch (InvalidRequestException e) {
            for (Problem.FieldError fe : e.errors()) {
                errors.add(new RowError(row.row(), col.of(fe.field()), fe.message()));
            }
            return null;
        }
    }

    private static BigDecimal number(ImportRow row, String field, String text, List<RowError> errors) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0 || Math.max(d.scale(), 0) > 4) {
                errors.add(new RowError(row.row(), row.columns().of(field), "must be at most 1,000,000,000 with up to 4 decimal places"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new RowError(row.row(), row.columns().of(field), "'" + abbreviate(text) + "' is not a number"));
            return null;
        }
    }

    private void write(List<Checked> rows, Map<String, IndicatorValue> existing, Caller caller) {
        Instant now = Instant.now();
        Map<String, BigDecimal> amounts = new HashMap<>();
        existing.forEach((k, v) -> amounts.put(k, v.amount()));
        rows.forEach(c -> amounts.put(key(c.indicator().code(), c.row().agency(), c.period().id()), c.delete() ? null : c.resolved().value()));
        List<IndicatorValue> inserts = new ArrayList<>();
        List<IndicatorValue> updates = new ArrayList<>();
        List<IndicatorValue> deletes = new ArrayList<>();
        List<ChangeLogEntry> log = new ArrayList<>(rows.size());
        ScorecardVersions.Changes changed = ScorecardVersions.changes();
        for (Checked c : rows) {
            String agency = c.row().agency();
            if (c.delete()) {
                IndicatorValue gone = c.existing();
                if (gone != null) {
                    deletes.add(gone);
                    changed.value(agency, gone.status(), gone.status());
                    log.add(new ChangeLogEntry(null, now, caller.username(), caller.agency().isEmpty() ? null : caller.agency(), "value",
                            key(c.indicator().code(), agency, c.period().id()), "IMPORT_DELETE", gone.amount().toPlainString(), null));
                }
                continue;
            }
            BigDecimal previous = amounts.get(key(c.indicator().code(), agency, c.period().previous().id()));
            IndicatorValue current = c.existing();
            IndicatorValue next = new IndicatorValue(current == null ? null : current.id(), c.indicator().code(), c.period().id(),
                    c.period().start(), agency, c.resolved().value(), c.resolved().numerator(), c.resolved().denominator(),
                    c.row().comment(), ValueStatus.DRAFT, null, ValueRules.isOutlier(c.resolved().value(), previous),
                    current == null ? null : current.submittedBy(), current == null ? null : current.submittedAt(),
                    null, null, caller.username(), now, current == null ? null : current.version());
            (current == null ? inserts : updates).add(next);
            changed.value(agency, current == null ? null : current.status(), next.status());
            log.add(new ChangeLogEntry(null, now, caller.username(), caller.agency().isEmpty() ? null : caller.agency(), "value",
                    key(c.indicator().code(), agency, c.period().id()), current == null ? "IMPORT_CREATE" : "IMPORT_UPDATE",
                    current == null ? null : current.amount().toPlainString(), c.resolved().value().toPlainString()));
        }
        if (!inserts.isEmpty()) {
            values.saveAll(inserts);
        }
        if (!updates.isEmpty()) {
            values.updateAll(updates);
        }
        if (!deletes.isEmpty()) {
            values.deleteAll(deletes);
        }
        changeLog.saveAll(log);
        scorecardVersions.bump(changed);
    }

    private static String key(String code, String agency, String period) {
        return code + "/" + agency + "/" + period;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
