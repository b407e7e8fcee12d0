package uk.org.quadrant.gateway.browse.themes;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.browse.audits.AuditWording;
import uk.org.quadrant.gateway.clients.Calls;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The themes pages' filters. A financial year ({@code year=2017April}, shown "2017/18") stands for
 * 1 April to 31 March; explicit {@code from}/{@code to} dates win over it. Values that do not parse,
 * or name no quadrant or agency, are dropped (and said so) rather than sent on.
 */
public record ThemeQuery(@Nullable String year, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String quadrant,
                   @Nullable String agency, List<String> ignored) {

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})April");

    static ThemeQuery of(String year, String from, String to, String quadrant, String agency, Set<String> agencies) {
        List<String> ignored = new ArrayList<>();
        LocalDate f = date(from, "from", ignored);
        LocalDate t = date(to, "to", ignored);
        String y = null;
        if (year != null && !year.isBlank()) {
            Matcher m = FINANCIAL_YEAR.matcher(year);
            if (m.matches()) {
                y = year;
                int start = Integer.parseInt(m.group(1));
                f = f == null ? LocalDate.of(start, 4, 1) : f;
                t = t == null ? LocalDate.of(start + 1, 3, 31) : t;
            } else {
                ignored.add("year");
            }
        }
        if (f != null && t != null && t.isBefore(f)) {
            ignored.add("to");
            t = null;
        }
        String q = blank(quadrant);
        if (q != null && !AuditWording.QUADRANTS.containsKey(q)) {
            ignored.add("quadrant");
            q = null;
        }
        String a = blank(agency);
        if (a != null && !agencies.contains(a)) {
            ignored.add("agency");
            a = null;
        }
        return new ThemeQuery(y, f, t, q, a, List.copyOf(ignored));
    }

    /** "2017/18" for {@code 2017April}. */
    static String yearLabel(String year) {
        Matcher m = FINANCIAL_YEAR.matcher(year);
        if (!m.matches()) {
            return year;
        }
        int start = Integer.parseInt(m.group(1));
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    /** The query of links between the themes pages, with a leading {@code ?} or empty. */
    String query() {
        List<String> q = new ArrayList<>();
        if (from != null) {
            q.add("from=" + from);
        }
        if (to != null) {
            q.add("to=" + to);
        }
        if (quadrant != null) {
            q.add("quadrant=" + Calls.enc(quadrant));
        }
        if (agency != null) {
            q.add("agency=" + Calls.enc(agency));
        }
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }

    public boolean any() {
        return from != null || to != null || quadrant != null || agency != null;
    }

    private static LocalDate date(String s, String name, List<String> ignored) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            ignored.add(name);
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
