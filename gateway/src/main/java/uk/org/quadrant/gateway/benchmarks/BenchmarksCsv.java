package uk.org.quadrant.gateway.benchmarks;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code /benchmarks} rows as a CSV download, written with Commons CSV (RFC 4180, CRLF, quoted where
 * needed), its text cells made safe to open in a spreadsheet as the services' downloads are: one starting
 * with {@code = + - @}, a tab or a CR is prefixed with a quote (OWASP CSV injection). Numbers as they are.
 * The figures are the published ones; for a count ({@code compared_on} {@code rate}) the rates per 10,000
 * children the rank, quartile and standing are on follow in the last columns (empty for any other unit).
 */
final class BenchmarksCsv {

    static final List<String> HEADER = List.of("indicator_code", "indicator", "period", "published_figure", "suppressed",
            "local_figure", "england", "region", "neighbours_mean", "against_england", "against_neighbours", "rank", "ranked_of",
            "quartile", "target_from", "compared_on", "rate_per_10000", "england_rate_per_10000", "region_rate_per_10000",
            "neighbours_mean_rate_per_10000");

    private BenchmarksCsv() {
    }

    static String of(List<BenchmarkRows.Row> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADER);
            for (BenchmarkRows.Row r : rows) {
                printer.printRecord(cells(r.code(), r.title(), r.periodLabel(), r.value(), r.suppressed(), r.localValue(), r.england(),
                        r.region(), r.neighboursMean(), r.againstEngland(), r.againstNeighbours(), r.rankPosition(), r.rankOf(),
                        r.quartile(), r.targetFrom(), r.comparedOn(), r.rate(), r.englandRate(), r.regionRate(), r.neighboursRateMean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object[] cells(Object... values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }

    static Object cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value == null || value instanceof Number) {
            return value;
        }
        String s = value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
