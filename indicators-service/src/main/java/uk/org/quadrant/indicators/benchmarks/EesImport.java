package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.indicators.imports.CsvLines;
import uk.org.quadrant.indicators.imports.ImportResult.RowError;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports an EES tidy CSV for one indicator, all or nothing: the rows whose filter columns hold the
 * mapping's values give one figure per area (England, each region, each local authority) and
 * period; columns are found by header name; suppressed and special codes are kept as codes; a
 * count becomes a rate per 10,000 of the ONS population where the indicator is a rate. Any error
 * (by line and column) means nothing is written; a dry run checks and compares with what is stored.
 * A written import replaces the indicator's figures in the periods it covers, records where they
 * came from, and becomes the indicator's mapping.
 */
@Singleton
public class EesImport {

    static final int MAX_ROWS = 200_000;
    private static final int MAX_ERRORS = 200;
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000");

    private final IndicatorCatalogue catalogue;
    private final Mappings mappings;
    private final FigureStore store;
    private final ImportRecordRepository records;
    private final Geographies geographies;
    private final ChangeRecorder changes;
    private final ScorecardVersions scorecardVersions;

    EesImport(IndicatorCatalogue catalogue, Mappings mappings, FigureStore store, ImportRecordRepository records,
              Geographies geographies, ChangeRecorder changes, ScorecardVersions scorecardVersions) {
        this.catalogue = catalogue;
        this.mappings = mappings;
        this.store = store;
        this.records = records;
        this.geographies = geographies;
        this.changes = changes;
        this.scorecardVersions = scorecardVersions;
    }

    /** Where the file came from: a name the manager gave, or an EES data set version. */
    public record Source(String fileName, String dataSetId, String dataSetVersion) {
    }

    /**
     * @param measure the file's column with the figure (null: the mapping's)
     * @param filters "column:value" each (empty: the mapping's)
     */
    @Transactional
    public EesImportResult run(String code, String measure, List<String> filters, String body, boolean dryRun, Source source,
                               Caller caller) {
        Indicator indicator = catalogue.require(code);
        Mapping mapping = mappings.find(code).orElse(null);
        List<RowError> errors = new ArrayList<>();
        String column = measure != null && !measure.isBlank() ? measure.strip() : mapping == null ? null : mapping.measure();
        if (column == null) {
            errors.add(new RowError(0, "measure", "is required: name the file's column with the figure, or map the indicator first"));
        } else if (!column.matches(Mappings.COLUMN)) {
            errors.add(new RowError(0, "measure", "'" + EesTime.clip(column) + "' is not a column name"));
        }
        List<String> filterTexts = filters != null && !filters.isEmpty() ? filters : mapping == null ? List.of() : mapping.filters();
        List<Mappings.Filter> parsedFilters = new ArrayList<>();
        for (String f : filterTexts) {
            Mappings.Filter parsed = Mappings.Filter.parse(f);
            if (parsed == null) {
                errors.add(new RowError(0, "filter", "'" + EesTime.clip(f) + "' is not column:value"));
            } else {
                parsedFilters.add(parsed);
            }
        }
        if (!errors.isEmpty()) {
            return EesImportResult.failed(dryRun, errors);
        }
        List<CsvLines.Line> lines;
        try {
            lines = CsvLines.parse(body);
        } catch (CsvLines.MalformedCsvException e) {
            return EesImportResult.failed(dryRun, List.of(new RowError(e.line(), "", e.getMessage())));
        }
        if (lines.isEmpty()) {
            return EesImportResult.failed(dryRun, List.of(new RowError(1, "", "the file is empty; the first line must be the header")));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return EesImportResult.failed(dryRun, List.of(new RowError(0, "", "at most " + MAX_ROWS + " rows per import")));
        }
        Header header = new Header(lines.get(0).fields());
        for (String required : List.of("time_period", "time_identifier", "geographic_level")) {
            header.require(required, errors);
        }
        header.require(column, errors);
        parsedFilters.forEach(f -> header.require(f.column(), errors));
        if (!errors.isEmpty()) {
            return EesImportResult.failed(dryRun, errors);
        }
        boolean toRate = mapping != null && mapping.countToRate() != null ? mapping.countToRate()
                : indicator.unit() == Unit.RATE_PER_10K && !column.toLowerCase(Locale.ROOT).matches(".*(rate|per|percent|pct).*");
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> matchedFilter = new HashSet<>();
        for (CsvLines.Line line : lines.subList(1, lines.size())) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            List<String> f = line.fields();
            if (f.size() > header.size()) {
                errors.add(new RowError(line.number(), "", "has " + f.size() + " fields but the header has " + header.size()));
                continue;
            }
            boolean keep = true;
            for (Mappings.Filter filter : parsedFilters) {
                if (header.get(f, filter.column()).equalsIgnoreCase(filter.value())) {
                    matchedFilter.add(filter.text());
                } else {
                    keep = false;
                }
            }
            if (!keep) {
                continue;
            }
            Figure figure = figure(indicator, header, line, column, toRate, errors);
            if (figure == null) {
                continue;
            }
            Integer before = firstLine.putIfAbsent(figure.key(), line.number());
            if (before != null) {
                errors.add(new RowError(line.number(), parsedFilters.isEmpty() ? column : parsedFilters.get(0).column(),
                        "a second row for " + figure.geoCode() + " in " + figure.period() + " (the first is line " + before
                                + "): add a filter so that one row is left per area and period"));
                continue;
            }
            figures.put(figure.key(), figure);
        }
        for (Mappings.Filter filter : parsedFilters) {
            if (!matchedFilter.contains(filter.text()) && errors.size() < MAX_ERRORS) {
                errors.add(new RowError(1, filter.column(), "no row has " + filter.column() + " '" + EesTime.clip(filter.value()) + "'"));
            }
        }
        if (errors.isEmpty() && figures.isEmpty()) {
            errors.add(new RowError(0, "", "no row of England, a region or a local authority matches the mapping"));
        }
        if (!errors.isEmpty()) {
            return EesImportResult.failed(dryRun, errors);
        }
        TreeSet<Period> periodSet = new TreeSet<>();
        Set<String> areas = new HashSet<>();
        int suppressed = 0;
        for (Figure fig : figures.values()) {
            periodSet.add(Period.parse(fig.period()).orElseThrow());
            areas.add(fig.geoCode());
            suppressed += fig.suppressed() == null ? 0 : 1;
        }
        List<String> periods = periodSet.stream().map(Period::id).toList();
        Map<String, Figure> stored = new HashMap<>();
        store.load(code, periods).forEach(s -> stored.put(s.key(), s));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Figure fig : figures.values()) {
            Figure old = stored.remove(fig.key());
            if (old == null) {
                added++;
            } else if (old.sameAs(fig)) {
                unchanged++;
            } else {
                changed++;
            }
        }
        EesImportResult.Changes diff = new EesImportResult.Changes(added, changed, unchanged, stored.size());
        if (dryRun) {
            return new EesImportResult(0, figures.size(), areas.size(), periods, suppressed, true, diff, null, List.of());
        }
        String joined = parsedFilters.isEmpty() ? null : String.join("\n", parsedFilters.stream().map(Mappings.Filter::text).toList());
        ImportRecord record = records.save(new ImportRecord(null, code, clipName(source.fileName()), source.dataSetId(),
                source.dataSetVersion(), column, joined, figures.size(), caller.username(), Instant.now()));
        store.replace(code, periods, figures.values().stream().map(fig -> fig.inImport(record.id())).toList());
        mappings.remember(code, column, parsedFilters, caller);
        changes.record(caller, "benchmark-import", code + "/" + record.id(), "IMPORT", null,
                Map.of("file", source.fileName() == null ? "" : source.fileName(), "figures", figures.size(), "periods", periods,
                        "added", added, "changed", changed, "removed", diff.removed()));
        scorecardVersions.bump(ScorecardVersions.changes().everything(indicator.ownerAgency()));
        return new EesImportResult(figures.size(), figures.size(), areas.size(), periods, suppressed, false, diff, record.id(), List.of());
    }

    /** One row as a figure, or null (another geographic level, a blank figure, or an error added). */
    private Figure figure(Indicator indicator, Header header, CsvLines.Line line, String column, boolean toRate, List<RowError> errors) {
        List<String> f = line.fields();
        String level = header.get(f, "geographic_level");
        String geoLevel;
        String code;
        String codeColumn;
        String name;
        switch (level.toLowerCase(Locale.ROOT)) {
            case "national" -> {
                geoLevel = Figure.NATIONAL;
                codeColumn = "country_code";
                code = header.has(codeColumn) ? header.get(f, codeColumn) : Geographies.ENGLAND;
                name = header.get(f, "country_name");
            }
            case "regional" -> {
                geoLevel = Figure.REGIONAL;
                codeColumn = "region_code";
                code = header.get(f, codeColumn);
                name = header.get(f, "region_name");
            }
            case "local authority" -> {
                geoLevel = Figure.LA;
                codeColumn = "old_la_code";
                code = header.get(f, codeColumn);
                name = header.get(f, "la_name");
            }
            default -> {
                return null; // districts, constituencies…: not compared
            }
        }
        int before = errors.size();
        if (!header.has(codeColumn)) {
            errors.add(new RowError(line.number(), codeColumn, "the file has " + level + " rows but no " + codeColumn + " column"));
        } else if (!code.matches(geoLevel.equals(Figure.LA) ? "\\d{3}" : "[A-Z]\\d{8}")) {
            errors.add(new RowError(line.number(), codeColumn, "'" + EesTime.clip(code) + "' is not "
                    + (geoLevel.equals(Figure.LA) ? "a 3-digit local authority code" : "an area code such as E92000001")));
        }
        Period period = null;
        try {
            period = EesTime.period(header.get(f, "time_period"), header.get(f, "time_identifier"), indicator.frequency());
        } catch (EesTime.Invalid e) {
            errors.add(new RowError(line.number(), e.column(), e.getMessage()));
        }
        String text = header.get(f, column);
        if (text.isEmpty()) {
            errors.add(new RowError(line.number(), column, "is empty: EES writes a code (such as x) where there is no figure"));
            return null;
        }
        String suppressed = SpecialCodes.of(text);
        BigDecimal amount = null;
        if (suppressed == null) {
            try {
                amount = new BigDecimal(text.trim());
                if (amount.abs().compareTo(LIMIT) >= 0) {
                    errors.add(new RowError(line.number(), column, "'" + EesTime.clip(text) + "' is out of range"));
                }
            } catch (NumberFormatException e) {
                errors.add(new RowError(line.number(), column, "'" + EesTime.clip(text) + "' is neither a number nor a code EES writes for a"
                        + " figure it does not publish (" + SpecialCodes.known() + ")"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        BigDecimal numerator = null;
        if (toRate) {
            numerator = amount;
            if (amount != null) {
                OptionalLong population = geographies.population(code, period.populationYear());
                if (population.isPresent() && population.getAsLong() > 0) {
                    amount = Rates.compute(Unit.RATE_PER_10K, amount, BigDecimal.valueOf(population.getAsLong()));
                } else {
                    amount = null;
                    suppressed = "x"; // no population to divide by: not available
                }
            }
        }
        String region = geoLevel.equals(Figure.NATIONAL) ? null : blankToNull(header.get(f, "region_code"));
        return new Figure(period.id(), geoLevel, code, blankToNull(clipName(name)), region,
                amount == null ? null : amount.setScale(4, RoundingMode.HALF_UP), suppressed,
                numerator == null ? null : numerator.setScale(4, RoundingMode.HALF_UP), 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clipName(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The header's columns by name (trimmed, any case); the first of a repeated name counts. */
    private static final class Header {
        private final Map<String, Integer> index = new HashMap<>();
        private final int size;

        Header(List<String> names) {
            size = names.size();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
        }

        int size() {
            return size;
        }

        boolean has(String column) {
            return index.containsKey(column.toLowerCase(Locale.ROOT));
        }

        void require(String column, List<RowError> errors) {
            if (!has(column)) {
                errors.add(new RowError(1, column, "the file has no column " + column));
            }
        }

        /** The trimmed field, "" when the row is short or the column absent. */
        String get(List<String> fields, String column) {
            Integer i = index.get(column.toLowerCase(Locale.ROOT));
            return i == null || i >= fields.size() ? "" : fields.get(i).strip();
        }
    }
}
