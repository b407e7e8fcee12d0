package uk.org.quadrant.indicators.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import uk.org.quadrant.indicators.domain.ValueStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One agency's figure for one indicator and period, with its sign-off state. */
@MappedEntity("indicator_value")
public record IndicatorValue(
        @Id @GeneratedValue @Nullable Long id,
        String indicatorCode,
        String period,
        LocalDate periodStart,
        String agencyCode,
        BigDecimal amount,
        @Nullable BigDecimal numerator,
        @Nullable BigDecimal denominator,
        @Nullable String commentary,
        ValueStatus status,
        @Nullable String returnReason,
        boolean outlier,
        @Nullable String submittedBy,
        @Nullable Instant submittedAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        String updatedBy,
        Instant updatedAt,
        @Version @Nullable Long version) {

    IndicatorValue withStatus(ValueStatus next, @Nullable String reason, String by, Instant at) {
        return new IndicatorValue(id, indicatorCode, period, periodStart, agencyCode, amount, numerator, denominator,
                commentary, next, reason,
                outlier,
                next == ValueStatus.SUBMITTED ? by : submittedBy, next == ValueStatus.SUBMITTED ? at : submittedAt,
                next == ValueStatus.APPROVED ? by : (next == ValueStatus.RETURNED ? null : approvedBy),
                next == ValueStatus.APPROVED ? at : (next == ValueStatus.RETURNED ? null : approvedAt),
                by, at, version);
    }
}
