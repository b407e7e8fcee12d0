package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.actions.domain.MeasureStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An action as clients see it: its delivery RAG, and for a measurable criterion its live measure. */
@Serdeable
public record ActionView(long id, long planId, String ref, String issue, String action, @Nullable String outcome,
                         @Nullable String measure, @Nullable String measureIndicator, @Nullable String measureComparator,
                         @Nullable BigDecimal measureTarget, LocalDate dueDate, String leadRole, String leadAgency,
                         @Nullable Integer priority, ActionStatus status, Delivery delivery, @Nullable MeasureStatus measureStatus,
                         @Nullable BigDecimal measureValue, @Nullable String measurePeriod, @Nullable String measurePeriodLabel,
                         @Nullable String sourceRef, @Nullable Instant lastUpdateAt, String updatedBy, Instant updatedAt,
                         long version) {
}
