package uk.org.quadrant.actions.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.actions.domain.SourceType;

import java.time.LocalDate;

/**
 * A recommendation from audits-service (an audit's finding) to track as an action. {@code sourceRef}
 * identifies it ("audits:finding:12", the only namespace accepted); sending it again returns the same
 * action. audits-service is asked for the recommendation with the caller's token before anything is
 * written: {@code planSourceType}/{@code planSourceRef} (the finding's audit, AUDIT/"audits:audit:7"),
 * {@code leadAgency}, {@code planTitle}, {@code issue} and {@code action} must be what it states
 * ({@link RecommendationCheck}); the body adds only lead role, due date and priority. The action
 * joins that audit's plan, created if needed.
 */
@Serdeable
public record RecommendationRequest(
        @NotBlank @Size(max = 100) String sourceRef,
        @NotNull SourceType planSourceType,
        @NotBlank @Size(max = 100) String planSourceRef,
        @NotBlank @Size(max = 300) String planTitle,
        @NotBlank @Size(max = 4000) String issue,
        @NotBlank @Size(max = 4000) String action,
        @NotBlank @Size(max = 16) String leadAgency,
        @Nullable @Size(max = 200) String leadRole,
        @Nullable LocalDate dueDate,
        @Nullable @Min(1) @Max(8) Integer priority) {
}
