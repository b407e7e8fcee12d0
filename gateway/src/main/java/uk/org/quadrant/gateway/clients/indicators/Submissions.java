package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** Which values each agency owes for a period, and where each is in its approval ({@code /api/v1/submissions}). */
@Serdeable
public record Submissions(@Nullable String period, @Nullable String periodLabel, @Nullable List<AgencyReturns> agencies) {

    /** One agency's counts per state and the items behind them. */
    @Serdeable
    public record AgencyReturns(String agency, int due, int missing, int draft, int submitted, int approved, int returned,
                                @Nullable List<Item> items) {
    }

    /**
     * One indicator due from the agency: MISSING, DRAFT, SUBMITTED, APPROVED or RETURNED; a SUBMITTED one carries
     * its value, version, who submitted it, their commentary, the period's target and the previous approved value.
     */
    @Serdeable
    public record Item(String code, String title, String status, @Nullable BigDecimal value, @Nullable Long version,
                       @Nullable String submittedBy, @Nullable String comment, @Nullable BigDecimal target,
                       @Nullable BigDecimal previousValue, @Nullable String previousPeriodLabel) {
    }
}
