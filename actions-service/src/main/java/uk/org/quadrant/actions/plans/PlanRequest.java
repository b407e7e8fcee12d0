package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.actions.domain.SourceType;

import java.time.LocalDate;

@Serdeable
public record PlanRequest(@NotBlank @Size(max = 300) String title,
                          @NotNull SourceType sourceType,
                          @Nullable @Size(max = 100) String sourceRef,
                          @Nullable @Size(max = 200) String owner,
                          @Nullable LocalDate startDate,
                          @Nullable Long version) {
}
