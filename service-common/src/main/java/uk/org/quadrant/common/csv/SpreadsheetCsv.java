package uk.org.quadrant.common.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A CSV download written with Commons CSV (RFC 4180, CRLF, quoted where needed), its text cells made
 * safe to open in a spreadsheet: one starting with {@code = + - @}, a tab or a CR is prefixed with a
 * quote (OWASP CSV injection). Numbers, booleans and enums are written as they are.
 */
public final class SpreadsheetCsv {

    private final StringBuilder out = new StringBuilder();
    private final CSVPrinter printer;

    public SpreadsheetCsv(List<String> header) {
        try {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header.toArray());
    }

    public SpreadsheetCsv row(Object... cells) {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cell(cells[i]);
        }
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static Object cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        return neutralise(value.toString());
    }

    static String neutralise(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
