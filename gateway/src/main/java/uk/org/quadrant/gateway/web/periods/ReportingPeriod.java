package uk.org.quadrant.gateway.web.periods;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the gateway needs it: the identifier the services take ({@code 2017April},
 * {@code 2017AprilQ1}, {@code 2016Sep}, {@code 2018Q1}, {@code 2018}, {@code 201803}), its dates (to
 * ask audits-service for the same span) and how people write it ("2017/18", "Q1 2017/18"). The same
 * rules as indicators-service's {@code Period}, kept here so a page never needs a call to label a period.
 *
 * @param id    the identifier
 * @param kind  which of the six forms it is
 * @param start first day
 * @param end   last day (inclusive)
 */
public record ReportingPeriod(String id, Kind kind, LocalDate start, LocalDate end) {

    /** The period forms, named as DESIGN.md names the frequencies. */
    public enum Kind { MONTH, CALENDAR_YEAR, CALENDAR_QUARTER, FINANCIAL_YEAR, FINANCIAL_QUARTER, ACADEMIC_YEAR }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern CAL_QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern FIN_YEAR = Pattern.compile("(\\d{4})April");
    private static final Pattern FIN_QUARTER = Pattern.compile("(\\d{4})AprilQ([1-4])");
    private static final Pattern ACADEMIC = Pattern.compile("(\\d{4})Sep");

    /** Parses an identifier (years 1900–2200); empty if it is not one. */
    public static Optional<ReportingPeriod> parse(String id) {
        if (id == null || id.length() > 12) {
            return Optional.empty();
        }
        Optional<ReportingPeriod> p = parseAny(id);
        return p.filter(x -> x.start.getYear() >= 1900 && x.start.getYear() <= 2200);
    }

    private static Optional<ReportingPeriod> parseAny(String id) {
        Matcher m;
        try {
            if ((m = MONTH.matcher(id)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new ReportingPeriod(id, Kind.MONTH, ym.atDay(1), ym.atEndOfMonth()));
            }
            if ((m = YEAR.matcher(id)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return Optional.of(new ReportingPeriod(id, Kind.CALENDAR_YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
            if ((m = CAL_QUARTER.matcher(id)).matches()) {
                LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), 1 + 3 * (Integer.parseInt(m.group(2)) - 1), 1);
                return Optional.of(new ReportingPeriod(id, Kind.CALENDAR_QUARTER, s, s.plusMonths(3).minusDays(1)));
            }
            if ((m = FIN_QUARTER.matcher(id)).matches()) {
                LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), 4, 1).plusMonths(3L * (Integer.parseInt(m.group(2)) - 1));
                return Optional.of(new ReportingPeriod(id, Kind.FINANCIAL_QUARTER, s, s.plusMonths(3).minusDays(1)));
            }
            if ((m = FIN_YEAR.matcher(id)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return Optional.of(new ReportingPeriod(id, Kind.FINANCIAL_YEAR, LocalDate.of(y, 4, 1), LocalDate.of(y + 1, 3, 31)));
            }
            if ((m = ACADEMIC.matcher(id)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return Optional.of(new ReportingPeriod(id, Kind.ACADEMIC_YEAR, LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 8, 31)));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last financial year that had ended by {@code today}: the year whose returns are due. */
    public static ReportingPeriod lastCompletedFinancialYear(LocalDate today) {
        int startYear = today.getMonthValue() >= 4 ? today.getYear() - 1 : today.getYear() - 2;
        return parse(startYear + "April").orElseThrow();
    }

    /**
     * The periods of a kind that a form offers, newest first: from the one that starts within a year
     * after {@code asAt} back over {@code years} years (a month's kind gives twelve a year).
     */
    public static List<ReportingPeriod> recent(Kind kind, LocalDate asAt, int years) {
        int y = asAt.getYear() + 1;
        String newest = switch (kind) {
            case MONTH -> y + "12";
            case CALENDAR_YEAR -> Integer.toString(y);
            case CALENDAR_QUARTER -> y + "Q4";
            case FINANCIAL_QUARTER -> y + "AprilQ4";
            case FINANCIAL_YEAR -> y + "April";
            case ACADEMIC_YEAR -> y + "Sep";
        };
        ReportingPeriod p = parseAny(newest).orElseThrow();
        LocalDate latestStart = asAt.plusYears(1);
        while (p.start().isAfter(latestStart)) {
            p = p.previous();
        }
        LocalDate oldestStart = asAt.minusYears(years);
        List<ReportingPeriod> out = new java.util.ArrayList<>();
        while (!p.start().isBefore(oldestStart)) {
            out.add(p);
            p = p.previous();
        }
        return out;
    }

    /** The kind of period an indicator's frequency ({@code MONTHLY}, {@code FINANCIAL_YEAR}, …) counts in. */
    public static Optional<Kind> kindOf(String frequency) {
        return switch (String.valueOf(frequency)) {
            case "MONTHLY" -> Optional.of(Kind.MONTH);
            case "CALENDAR_YEAR" -> Optional.of(Kind.CALENDAR_YEAR);
            case "CALENDAR_QUARTER" -> Optional.of(Kind.CALENDAR_QUARTER);
            case "FINANCIAL_QUARTER" -> Optional.of(Kind.FINANCIAL_QUARTER);
            case "FINANCIAL_YEAR" -> Optional.of(Kind.FINANCIAL_YEAR);
            case "ACADEMIC_YEAR" -> Optional.of(Kind.ACADEMIC_YEAR);
            default -> Optional.empty();
        };
    }

    /** The period of the same form just before this one. */
    public ReportingPeriod previous() {
        String prev = switch (kind) {
            case MONTH -> {
                YearMonth ym = YearMonth.from(start).minusMonths(1);
                yield String.format("%04d%02d", ym.getYear(), ym.getMonthValue());
            }
            case CALENDAR_YEAR -> Integer.toString(start.getYear() - 1);
            case CALENDAR_QUARTER -> {
                LocalDate s = start.minusMonths(3);
                yield s.getYear() + "Q" + (1 + (s.getMonthValue() - 1) / 3);
            }
            case FINANCIAL_QUARTER -> {
                LocalDate s = start.minusMonths(3);
                int fy = s.getMonthValue() >= 4 ? s.getYear() : s.getYear() - 1;
                yield fy + "AprilQ" + (1 + ((s.getMonthValue() + 8) % 12) / 3);
            }
            case FINANCIAL_YEAR -> (start.getYear() - 1) + "April";
            case ACADEMIC_YEAR -> (start.getYear() - 1) + "Sep";
        };
        return parseAny(prev).orElseThrow();
    }

    /** How people write it: "2017/18", "Q1 2017/18", "March 2018", "2018 Q1", "2018". */
    public String label() {
        return switch (kind) {
            case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + start.getYear();
            case CALENDAR_YEAR -> Integer.toString(start.getYear());
            case CALENDAR_QUARTER -> start.getYear() + " Q" + (1 + (start.getMonthValue() - 1) / 3);
            case FINANCIAL_YEAR, ACADEMIC_YEAR -> twoYears(start.getYear());
            case FINANCIAL_QUARTER -> {
                int fy = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
                yield "Q" + (1 + ((start.getMonthValue() + 8) % 12) / 3) + " " + twoYears(fy);
            }
        };
    }

    /** The label of an identifier, or the identifier itself if it is not one. */
    public static String labelOf(String id) {
        return parse(id).map(ReportingPeriod::label).orElse(id == null ? "" : id);
    }

    private static String twoYears(int first) {
        return first + "/" + String.format("%02d", (first + 1) % 100);
    }
}
