package uk.org.quadrant.indicators.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.imports.ImportResult.RowError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an uploaded file into rows: Quadrant's own CSV
 * ({@code indicator_code,period,agency,value,numerator,denominator,comment}) and DHIS2
 * {@code dataValueSets} as CSV ({@code dataelement,period,orgunit,categoryoptioncombo,…,value,…,comment,…,deleted})
 * or JSON ({@code {"dataValues":[{"dataElement","period","orgUnit","categoryOptionCombo","value","comment","deleted"}]}}).
 *
 * <p>DHIS2 as it writes files (issue 20): CSV column names in any case and in their older and newer forms
 * ({@code catoptcombo}/{@code categoryoptioncombo}; {@code attroptcombo}/{@code attributeoptioncombo},
 * {@code storedby}, {@code timestamp}/{@code lastupdated}, {@code created}, {@code followup} are read past); a row
 * with fewer fields than the header has its missing trailing fields empty, as DHIS2 reads it (more fields than the
 * header is refused). In JSON a value may be a string or a number, and the data value set's own {@code period} and
 * {@code orgUnit} apply to values that do not name them ({@code dataSet}, {@code completeDate} and
 * {@code attributeOptionCombo} are accepted and not used: Quadrant has no data sets or attribute combos).
 * The data element and org unit stay as written (a mapped UID or a code): {@link ImportService} resolves them.
 */
@Singleton
class ImportFormats {

    static final int MAX_ROWS = 200_000;

    private final ObjectMapper json;

    ImportFormats(ObjectMapper json) {
        this.json = json;
    }

    /** Parsed rows, or the structural errors that stop the file being read at all. */
    record Parsed(List<ImportRow> rows, List<RowError> errors) {
    }

    /** DHIS2's older and newer names of the category option combo column, the newer first. */
    static final List<String> COMBO_COLUMNS = List.of("categoryoptioncombo", "catoptcombo");

    Parsed quadrantCsv(String body) {
        return csv(body, ImportRow.Columns.QUADRANT, List.of("indicator_code", "period", "agency", "value"), false);
    }

    Parsed dhis2Csv(String body) {
        return csv(body, ImportRow.Columns.DHIS2_CSV, List.of("dataelement", "period", "orgunit", "value"), true);
    }

    Parsed dhis2Json(String body) {
        Map<String, Object> doc;
        try {
            doc = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), List.of(new RowError(0, "body", "is not valid JSON")));
        }
        if (doc == null || !(doc.get("dataValues") instanceof List<?> list)) {
            return new Parsed(List.of(), List.of(new RowError(0, "dataValues", "a DHIS2 dataValueSet needs a dataValues list")));
        }
        if (list.size() > MAX_ROWS) {
            return new Parsed(List.of(), List.of(new RowError(0, "dataValues", "at most " + MAX_ROWS + " values per import")));
        }
        // The data value set's own period and org unit: for every value that does not name its own.
        String setPeriod = text(doc.get("period"));
        String setOrgUnit = text(doc.get("orgUnit"));
        List<ImportRow> rows = new ArrayList<>(list.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> dv)) {
                errors.add(new RowError(i + 1, "dataValues", "each data value must be an object"));
                continue;
            }
            String period = text(dv.get("period"));
            String orgUnit = text(dv.get("orgUnit"));
            rows.add(new ImportRow(i + 1, text(dv.get("dataElement")), period == null ? setPeriod : period,
                    orgUnit == null ? setOrgUnit : orgUnit, yesNo(text(dv.get("value"))), text(dv.get("numerator")),
                    text(dv.get("denominator")), text(dv.get("comment")), text(dv.get("categoryOptionCombo")),
                    text(dv.get("deleted")), ImportRow.Columns.DHIS2_JSON));
        }
        return new Parsed(rows, errors);
    }

    private Parsed csv(String body, ImportRow.Columns given, List<String> required, boolean dhis2) {
        List<CsvLines.Line> lines;
        try {
            lines = CsvLines.parse(body);
        } catch (CsvLines.MalformedCsvException e) {
            return new Parsed(List.of(), List.of(new RowError(e.line(), "", e.getMessage())));
        }
        if (lines.isEmpty()) {
            return new Parsed(List.of(), List.of(new RowError(1, "", "the file is empty; the first line must be the header "
                    + String.join(",", required))));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return new Parsed(List.of(), List.of(new RowError(0, "", "at most " + MAX_ROWS + " rows per import")));
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = lines.get(0).fields();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<RowError> errors = new ArrayList<>();
        for (String column : required) {
            if (!header.containsKey(column)) {
                errors.add(new RowError(1, column, "the header has no " + column + " column"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        // Errors name the combo column as the file spells it (catoptcombo in older DHIS2 files).
        ImportRow.Columns columns = given;
        String comboColumn = null;
        if (dhis2) {
            comboColumn = COMBO_COLUMNS.stream().filter(header::containsKey).findFirst().orElse(null);
            columns = given.withCombo(comboColumn == null ? COMBO_COLUMNS.get(0) : comboColumn);
        }
        List<ImportRow> rows = new ArrayList<>(lines.size() - 1);
        for (CsvLines.Line line : lines.subList(1, lines.size())) {
            List<String> f = line.fields();
            if (f.size() > names.size()) {
                errors.add(new RowError(line.number(), "", "has " + f.size() + " fields but the header has " + names.size()));
                continue;
            }
            // Fewer fields than the header: the missing trailing ones are empty (DHIS2 writes and reads such rows).
            rows.add(new ImportRow(line.number(),
                    field(f, header, columns.indicator().toLowerCase(Locale.ROOT)), field(f, header, "period"),
                    field(f, header, columns.agency().toLowerCase(Locale.ROOT)),
                    dhis2 ? yesNo(field(f, header, "value")) : field(f, header, "value"),
                    field(f, header, "numerator"), field(f, header, "denominator"), field(f, header, "comment"),
                    dhis2 && comboColumn != null ? field(f, header, comboColumn) : null,
                    dhis2 ? field(f, header, "deleted") : null, columns));
        }
        return new Parsed(rows, errors);
    }

    /**
     * A DHIS2 yes/no or yes-only data element's value ({@code true}, {@code false}) as the number DHIS2's own
     * analytics counts it as: 1 or 0. Quadrant's values are numbers.
     */
    static String yesNo(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return "1";
        }
        return "false".equalsIgnoreCase(value) ? "0" : value;
    }

    private static String field(List<String> fields, Map<String, Integer> header, String name) {
        Integer i = header.get(name);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static String text(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
