package uk.org.quadrant.indicators.reports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What each agency owes for a period and where each return stands. */
@Serdeable
public record SubmissionStatus(String period, String periodLabel, List<AgencyReturns> agencies) {

    /** Counts per state and the items behind them. */
    @Serdeable
    public record AgencyReturns(String agency, int due, int missing, int draft, int submitted, int approved, int returned,
                                List<Item> items) {
    }

    /** One indicator due from the agency: {@code MISSING}, {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED} or {@code RETURNED}. */
    @Serdeable
    public record Item(String code, String title, String status) {
    }
}
