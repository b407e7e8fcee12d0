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
 * {@code dataValueSets} as CSV ({@code dataelement,period,orgunit,…,value,…,comment}) or JSON
 * ({@code {"dataValues":[{"dataElement","period","orgUnit","value","comment"}]}}).
 * DHIS2's data element is the indicator code and its org unit the agency code.
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

    Parsed quadrantCsv(String body) {
        return csv(body, ImportRow.Columns.QUADRANT, List.of("indicator_code", "period", "agency", "value"));
    }

    Parsed dhis2Csv(String body) {
        return csv(body, ImportRow.Columns.DHIS2_CSV, List.of("dataelement", "period", "orgunit", "value"));
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
        List<ImportRow> rows = new ArrayList<>(list.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> dv)) {
                errors.add(new RowError(i + 1, "dataValues", "each data value must be an object"));
                continue;
            }
            rows.add(new ImportRow(i + 1, text(dv.get("dataElement")), text(dv.get("period")), text(dv.get("orgUnit")),
                    text(dv.get("value")), text(dv.get("numerator")), text(dv.get("denominator")), text(dv.get("comment")),
                    ImportRow.Columns.DHIS2_JSON));
        }
        return new Parsed(rows, errors);
    }

    private Parsed csv(String body, ImportRow.Columns columns, List<String> required) {
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
        List<ImportRow> rows = new ArrayList<>(lines.size() - 1);
        for (CsvLines.Line line : lines.subList(1, lines.size())) {
            List<String> f = line.fields();
            if (f.size() > names.size()) {
                errors.add(new RowError(line.number(), "", "has " + f.size() + " fields but the header has " + names.size()));
                continue;
            }
            rows.add(new ImportRow(line.number(),
                    field(f, header, columns.indicator().toLowerCase(Locale.ROOT)), field(f, header, "period"),
                    field(f, header, columns.agency().toLowerCase(Locale.ROOT)), field(f, header, "value"),
                    field(f, header, "numerator"), field(f, header, "denominator"), field(f, header, "comment"), columns));
        }
        return new Parsed(rows, errors);
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
