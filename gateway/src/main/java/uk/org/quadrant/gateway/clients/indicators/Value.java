package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One agency's value of an indicator for a period, with where it is in its approval. Instants are ISO text. */
@Serdeable
public record Value(@Nullable String indicatorCode, @Nullable String period, @Nullable String periodLabel, @Nullable String agency,
                    @Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator,
                    @Nullable String comment, @Nullable String status, @Nullable String returnReason, @Nullable Boolean outlier,
                    @Nullable String submittedBy, @Nullable String submittedAt, @Nullable String approvedBy,
                    @Nullable String approvedAt, @Nullable String updatedBy, @Nullable String updatedAt, @Nullable Long version) {
}
