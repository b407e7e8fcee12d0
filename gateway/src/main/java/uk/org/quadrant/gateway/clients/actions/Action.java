package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One action of a plan, with its delivery status and live measure ({@code /api/v1/actions}). Dates and instants are ISO text. */
@Serdeable
public record Action(long id, long planId, String ref, String issue, String action, @Nullable String outcome,
                     @Nullable String measure, @Nullable String measureIndicator, @Nullable String measureComparator,
                     @Nullable BigDecimal measureTarget, @Nullable String dueDate, @Nullable String leadRole, String leadAgency,
                     @Nullable Integer priority, String status, String delivery, @Nullable String measureStatus,
                     @Nullable BigDecimal measureValue, @Nullable String measurePeriod, @Nullable String measurePeriodLabel,
                     @Nullable String sourceRef, @Nullable String lastUpdateAt, @Nullable String updatedBy,
                     @Nullable String updatedAt, long version) {
}
