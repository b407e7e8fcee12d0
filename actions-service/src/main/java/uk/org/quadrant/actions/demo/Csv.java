package uk.org.quadrant.actions.demo;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV reading (quoted fields, doubled quotes, CRLF or LF, a leading byte-order mark) for the demo files. */
final class Csv {

    private Csv() {
    }

    /** A parsed line: its 1-based line number in the file and its fields. */
    public record Line(int number, List<String> fields) {
    }

    /** Thrown for a file that is not CSV at all (an unterminated quote); names the line. */
    public static class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
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
        int i = text.charAt(0) == '\uFEFF' ? 1 : 0;
        int lineNo = 1;
        int startLine = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                if (c == '\n') {
                    lineNo++;
                }
                field.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() == 0 && !fieldStarted) {
                        quoted = true;
                        fieldStarted = true;
                    } else {
                        field.append(c);
                    }
                    i++;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    i++;
                }
                case '\r', '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                        lines.add(new Line(startLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    lineNo++;
                    startLine = lineNo;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                    i++;
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(startLine, "a quoted field is never closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                lines.add(new Line(startLine, List.copyOf(fields)));
            }
        }
        return lines;
    }
}
