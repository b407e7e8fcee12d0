package uk.org.quadrant.common.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A UTF-8 CSV file whose first line names the columns, read with Commons CSV into one map per row
 * keyed by those names, a blank cell as {@code null} (the services' demo data files).
 */
public final class CsvRows {

    private static final CSVFormat HEADED = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private CsvRows() {
    }

    /** Every row of {@code in}, which is read to its end and closed. */
    public static List<Map<String, String>> read(InputStream in) {
        try (CSVParser csv = CSVParser.parse(in, StandardCharsets.UTF_8, HEADED)) {
            return csv.stream().map(CsvRows::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> row(CSVRecord record) {
        Map<String, String> row = new HashMap<>();
        record.toMap().forEach((name, value) -> row.put(name, value.isBlank() ? null : value));
        return row;
    }
}
