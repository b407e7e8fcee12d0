package uk.org.quadrant.audits.reviews;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What is sent to set up or change an audit or review. */
@Serdeable
public record AuditRequest(
        @NotNull AuditType type,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 16) String leadAgency,
        @Nullable @Size(max = 20) List<@Size(max = 16) String> participatingAgencies,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @Nullable LocalDate plannedStart,
        @Nullable LocalDate plannedEnd,
        @Nullable LocalDate actualStart,
        @Nullable LocalDate actualEnd,
        @Nullable AuditStatus status,
        @Nullable @Min(0) @Max(1_000_000) Integer scope,
        @Nullable @Size(max = 20_000) String summary,
        @Nullable @Size(max = 40) String gradingScale,
        @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal complianceThresholdPercent,
        @Nullable Long version) {
}
