package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import uk.org.quadrant.actions.domain.SourceType;

import java.time.Instant;
import java.time.LocalDate;

/** An action plan: the partnership's response to one source (an inspection, a review, an audit, the business plan). */
@MappedEntity("action_plan")
public record ActionPlan(
        @Id @GeneratedValue @Nullable Long id,
        String title,
        SourceType sourceType,
        @Nullable String sourceRef,
        @Nullable String owner,
        @Nullable LocalDate startDate,
        String createdBy,
        String updatedBy,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
