package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A SMART action: what is wrong, what will be done, what will be different, how we will know, by when, led by whom. */
@Serdeable
public record ActionRequest(
        @NotBlank @Size(max = 20) String ref,
        @NotBlank @Size(max = 4000) String issue,
        @NotBlank @Size(max = 4000) String action,
        @Nullable @Size(max = 4000) String outcome,
        @Nullable @Size(max = 4000) String measure,
        @Nullable @Size(max = 40) String measureIndicator,
        @Nullable @Pattern(regexp = "GTE|LTE", message = "must be GTE or LTE") String measureComparator,
        @Nullable @DecimalMin("-1000000000") @DecimalMax("1000000000") BigDecimal measureTarget,
        @NotNull LocalDate dueDate,
        @NotBlank @Size(max = 200) String leadRole,
        @NotBlank @Size(max = 16) String leadAgency,
        @Nullable @Min(1) @Max(8) Integer priority,
        @Nullable Long version) {
}
