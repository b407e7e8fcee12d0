package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import uk.org.quadrant.actions.domain.ActionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A SMART action of a plan. */
@MappedEntity("plan_action")
public record PlanAction(
        @Id @GeneratedValue @Nullable Long id,
        long planId,
        String ref,
        String issue,
        String actionText,
        @Nullable String outcome,
        @Nullable String measure,
        @Nullable String measureIndicator,
        @Nullable String measureComparator,
        @Nullable BigDecimal measureTarget,
        LocalDate dueDate,
        String leadRole,
        String leadAgency,
        @Nullable Integer priority,
        ActionStatus status,
        @Nullable String sourceRef,
        @Nullable Instant lastUpdateAt,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
