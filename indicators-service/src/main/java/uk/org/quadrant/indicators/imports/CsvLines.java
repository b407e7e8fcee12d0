package uk.org.quadrant.indicators.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An uploaded file's lines, read with Commons CSV (RFC 4180: quoted fields with commas, doubled
 * quotes and line breaks; CRLF, LF or CR), each with the line of the file it starts on, so that an
 * error can name it. A leading byte-order mark is skipped and blank lines are left out.
 */
public final class CsvLines {

    /** Blank lines are kept by the parser so that the line numbers count them; they are dropped here. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrailingData(true).get();

    private CsvLines() {
    }

    /** A parsed line: its 1-based line number in the file and its fields. */
    public record Line(int number, List<String> fields) {
    }

    /** A file that is not CSV at all (a quoted field never closed); names the line its record starts on. */
    public static class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        String csv = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // hasNext() reads the next record: the line it starts on is the one after those read so far.
                int start = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        return lines;
                    }
                } catch (UncheckedIOException e) {
                    throw new MalformedCsvException(start, "a quoted field is never closed", e);
                }
                List<String> fields = records.next().toList();
                if (!(fields.isEmpty() || fields.size() == 1 && fields.get(0).isEmpty())) {
                    lines.add(new Line(start, fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
