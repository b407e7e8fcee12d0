package uk.org.quadrant.indicators.catalogue;

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
import uk.org.quadrant.indicators.domain.Frequency;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Unit;

import java.math.BigDecimal;

/** What a board manager sends to define or change an indicator. */
@Serdeable
public record IndicatorDefinition(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and hyphens") String code,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 4000) String description,
        @NotNull Unit unit,
        @NotNull Polarity polarity,
        @NotNull Frequency frequency,
        @NotBlank @Size(max = 16) String ownerAgency,
        @NotNull @Min(1) @Max(8) Integer priority,
        @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent,
        @Nullable @Size(max = 200) String numeratorLabel,
        @Nullable @Size(max = 200) String denominatorLabel,
        @Nullable @Size(max = 40) String population,
        @Nullable Boolean published,
        @Nullable Boolean active,
        @Nullable Long version) {
}
