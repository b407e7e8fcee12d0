package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

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

    /**
     * One indicator due from the agency: {@code MISSING}, {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED} or {@code RETURNED}.
     * A submitted value (waiting for the board) carries what a decision needs, so the approvals page asks once:
     * the value, its {@code version}, who submitted it and their commentary, the period's {@code target}, and the
     * previous period's approved value ({@code previousValue}, {@code previousPeriodLabel}); all null otherwise.
     */
    @Serdeable
    public record Item(String code, String title, String status, @Nullable BigDecimal value, @Nullable Long version,
                       @Nullable String submittedBy, @Nullable String comment, @Nullable BigDecimal target,
                       @Nullable BigDecimal previousValue, @Nullable String previousPeriodLabel) {

        Item(String code, String title, String status) {
            this(code, title, status, null, null, null, null, null, null, null);
        }
    }
}
