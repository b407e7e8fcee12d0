package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.web.periods.ReportingPeriod;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The financial year a report covers, by its DHIS2 identifier ({@code 2017April} = 1 April 2017 to
 * 31 March 2018, shown "2017/18"): the board reports by financial year. Identifiers are read by the
 * gateway's one period parser, {@link ReportingPeriod}; this adds what a report year means.
 *
 * @param id        the identifier, e.g. {@code 2017April}
 * @param firstYear the calendar year the financial year starts in
 */
public record ReportYear(String id, int firstYear) {

    /** A financial-year identifier between 2000April and 2099April, or empty. */
    public static Optional<ReportYear> parse(String id) {
        return ReportingPeriod.parse(id)
                .filter(p -> p.kind() == ReportingPeriod.Kind.FINANCIAL_YEAR)
                .map(p -> p.start().getYear())
                .filter(year -> year >= 2000 && year <= 2099)
                .map(year -> new ReportYear(id, year));
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
        return ReportingPeriod.parse(periodId).map(p -> new LocalDate[]{p.start(), p.end()});
    }
}
