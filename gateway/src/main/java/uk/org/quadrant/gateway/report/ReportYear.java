package uk.org.quadrant.gateway.report;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The financial year a report covers, by its DHIS2 identifier ({@code 2017April} = 1 April 2017 to
 * 31 March 2018, shown "2017/18"): the board reports by financial year, and the same identifier is
 * the indicators-service period, so the year's bounds are computed once, here.
 *
 * @param id        the identifier, e.g. {@code 2017April}
 * @param firstYear the calendar year the financial year starts in
 */
public record ReportYear(String id, int firstYear) {

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})April");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern CAL_QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern FIN_QUARTER = Pattern.compile("(\\d{4})AprilQ([1-4])");
    private static final Pattern ACADEMIC = Pattern.compile("(\\d{4})Sep");

    /** A financial-year identifier between 2000April and 2099April, or empty. */
    public static Optional<ReportYear> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = FINANCIAL_YEAR.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < 2000 || year > 2099 ? Optional.empty() : Optional.of(new ReportYear(id, year));
    }

    public static ReportYear of(int firstYear) {
        return new ReportYear(firstYear + "April", firstYear);
    }

    public LocalDate from() {
        return LocalDate.of(firstYear, 4, 1);
    }

    public LocalDate to() {
        return LocalDate.of(firstYear + 1, 3, 31);
    }

    /** "2017/18". */
    public String label() {
        return firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
    }

    /** The year the report's recommendations are for: "2018/19". */
    public String nextLabel() {
        return of(firstYear + 1).label();
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from()) && !date.isAfter(to());
    }

    /**
     * Whether a figure for this DHIS2 period ({@code 2018}, {@code 2017April}, {@code 2017Sep},
     * {@code 2018Q1}, {@code 201803}, {@code 2017AprilQ4}) belongs to this year's report: the period
     * overlaps the year (calendar 2017 and academic 2016/17 both end within 2017/18, and the board
     * reports them there). An unknown identifier does not.
     */
    public boolean holds(String periodId) {
        return span(periodId).map(s -> !s[0].isAfter(to()) && !s[1].isBefore(from())).orElse(false);
    }

    /** First and last day of a DHIS2 period. */
    static Optional<LocalDate[]> span(String periodId) {
        if (periodId == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = FIN_QUARTER.matcher(periodId)).matches()) {
            return months(LocalDate.of(Integer.parseInt(m.group(1)), 4, 1).plusMonths(3L * (Integer.parseInt(m.group(2)) - 1)), 3);
        }
        if ((m = FINANCIAL_YEAR.matcher(periodId)).matches()) {
            return months(LocalDate.of(Integer.parseInt(m.group(1)), 4, 1), 12);
        }
        if ((m = ACADEMIC.matcher(periodId)).matches()) {
            return months(LocalDate.of(Integer.parseInt(m.group(1)), 9, 1), 12);
        }
        if ((m = CAL_QUARTER.matcher(periodId)).matches()) {
            return months(LocalDate.of(Integer.parseInt(m.group(1)), 3 * (Integer.parseInt(m.group(2)) - 1) + 1, 1), 3);
        }
        if ((m = MONTH.matcher(periodId)).matches()) {
            int month = Integer.parseInt(m.group(2));
            return month < 1 || month > 12 ? Optional.empty() : months(LocalDate.of(Integer.parseInt(m.group(1)), month, 1), 1);
        }
        if ((m = YEAR.matcher(periodId)).matches()) {
            return months(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), 12);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate[]> months(LocalDate start, int months) {
        return Optional.of(new LocalDate[]{start, start.plusMonths(months).minusDays(1)});
    }
}
