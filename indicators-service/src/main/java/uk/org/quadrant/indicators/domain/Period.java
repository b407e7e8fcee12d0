package uk.org.quadrant.indicators.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period named by its DHIS2-style identifier (DESIGN.md "Periods"), e.g. {@code 2018},
 * {@code 2017April}, {@code 2016Sep}, {@code 2018Q1}, {@code 201803}, and Quadrant's own
 * financial-year quarter {@code 2017AprilQ1} (April–June 2017). Periods order by start date;
 * identifiers of one frequency also sort as plain strings.
 *
 * @param id        the identifier
 * @param frequency the frequency the identifier belongs to
 * @param start     first day
 * @param end       last day (inclusive)
 */
public record Period(String id, Frequency frequency, LocalDate start, LocalDate end) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern CAL_QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern FIN_YEAR = Pattern.compile("(\\d{4})April");
    private static final Pattern FIN_QUARTER = Pattern.compile("(\\d{4})AprilQ([1-4])");
    private static final Pattern ACADEMIC = Pattern.compile("(\\d{4})Sep");

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    /** Parses any supported identifier (years 1900–2200); empty if it is not one. */
    public static Optional<Period> parse(String id) {
        return parse(id, true);
    }

    private static Optional<Period> parse(String id, boolean checkRange) {
        Optional<Period> p = parseAnyYear(id);
        if (checkRange && p.isPresent() && (p.get().start.getYear() < MIN_YEAR || p.get().start.getYear() > MAX_YEAR)) {
            return Optional.empty();
        }
        return p;
    }

    private static Optional<Period> parseAnyYear(String id) {
        if (id == null || id.length() > 12) {
            return Optional.empty();
        }
        Matcher m;
        try {
            if ((m = MONTH.matcher(id)).matches()) {
                YearMonth ym = YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new Period(id, Frequency.MONTHLY, ym.atDay(1), ym.atEndOfMonth()));
            }
            if ((m = YEAR.matcher(id)).matches()) {
                int y = year(m.group(1));
                return Optional.of(new Period(id, Frequency.CALENDAR_YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
            if ((m = CAL_QUARTER.matcher(id)).matches()) {
                LocalDate start = LocalDate.of(year(m.group(1)), 1 + 3 * (Integer.parseInt(m.group(2)) - 1), 1);
                return Optional.of(new Period(id, Frequency.CALENDAR_QUARTER, start, start.plusMonths(3).minusDays(1)));
            }
            if ((m = FIN_QUARTER.matcher(id)).matches()) {
                LocalDate start = LocalDate.of(year(m.group(1)), 4, 1).plusMonths(3L * (Integer.parseInt(m.group(2)) - 1));
                return Optional.of(new Period(id, Frequency.FINANCIAL_QUARTER, start, start.plusMonths(3).minusDays(1)));
            }
            if ((m = FIN_YEAR.matcher(id)).matches()) {
                int y = year(m.group(1));
                return Optional.of(new Period(id, Frequency.FINANCIAL_YEAR, LocalDate.of(y, 4, 1), LocalDate.of(y + 1, 3, 31)));
            }
            if ((m = ACADEMIC.matcher(id)).matches()) {
                int y = year(m.group(1));
                return Optional.of(new Period(id, Frequency.ACADEMIC_YEAR, LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 8, 31)));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Parses an identifier that must be of the given frequency. */
    public static Optional<Period> parse(String id, Frequency frequency) {
        return parse(id).filter(p -> p.frequency() == frequency);
    }

    private static int year(String digits) {
        return Integer.parseInt(digits);
    }

    /** The period of the same frequency just before this one. */
    public Period previous() {
        return shift(-1);
    }

    public Period next() {
        return shift(1);
    }

    /** Shifting may step one period outside the accepted input range (e.g. before 1900). */
    private Period shift(int n) {
        return switch (frequency) {
            case MONTHLY -> {
                YearMonth ym = YearMonth.from(start).plusMonths(n);
                yield parse(String.format("%04d%02d", ym.getYear(), ym.getMonthValue()), false).orElseThrow();
            }
            case CALENDAR_YEAR -> parse(Integer.toString(start.getYear() + n), false).orElseThrow();
            case CALENDAR_QUARTER -> {
                LocalDate s = start.plusMonths(3L * n);
                yield parse(s.getYear() + "Q" + (1 + (s.getMonthValue() - 1) / 3), false).orElseThrow();
            }
            case FINANCIAL_QUARTER -> {
                LocalDate s = start.plusMonths(3L * n);
                int fy = s.getMonthValue() >= 4 ? s.getYear() : s.getYear() - 1;
                int q = 1 + ((s.getMonthValue() + 8) % 12) / 3;
                yield parse(fy + "AprilQ" + q, false).orElseThrow();
            }
            case FINANCIAL_YEAR -> parse((start.getYear() + n) + "April", false).orElseThrow();
            case ACADEMIC_YEAR -> parse((start.getYear() + n) + "Sep", false).orElseThrow();
        };
    }

    /** How people write it: "2017/18", "Q1 2017/18", "March 2018", "2018 Q1", "2018". */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + " " + start.getYear();
            case CALENDAR_YEAR -> Integer.toString(start.getYear());
            case CALENDAR_QUARTER -> start.getYear() + " Q" + (1 + (start.getMonthValue() - 1) / 3);
            case FINANCIAL_YEAR, ACADEMIC_YEAR -> twoYears(start.getYear());
            case FINANCIAL_QUARTER -> {
                int fy = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
                yield "Q" + (1 + ((start.getMonthValue() + 8) % 12) / 3) + " " + twoYears(fy);
            }
        };
    }

    /** The calendar year whose population is used for rates in this period (the year it starts). */
    public int populationYear() {
        return start.getYear();
    }

    private static String twoYears(int first) {
        return first + "/" + String.format("%02d", (first + 1) % 100);
    }

    /** By start, then end, then frequency and id, so it agrees with equals. */
    @Override
    public int compareTo(Period other) {
        int c = start.compareTo(other.start);
        if (c == 0) {
            c = end.compareTo(other.end);
        }
        if (c == 0) {
            c = frequency.compareTo(other.frequency);
        }
        return c != 0 ? c : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
