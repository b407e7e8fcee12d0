package uk.org.quadrant.indicators.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * An agency's figure for a period: a value, or a numerator and denominator from which the value is
 * computed; a commentary ("what this means"); and the version read, for an update.
 */
@Serdeable
public record ValueRequest(
        @Nullable @Size(max = 16) String agency,
        @Nullable @DecimalMin("-1000000000") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal value,
        @Nullable @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal numerator,
        @Nullable @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal denominator,
        @Nullable @Size(max = 4000) String comment,
        @Nullable Long version) {
}
