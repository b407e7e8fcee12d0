package uk.org.quadrant.indicators.targets;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** {@code {"value": 75}}: a target, baseline, benchmark or population figure. */
@Serdeable
public record FigureRequest(@NotNull @DecimalMin("-1000000000") @DecimalMax("1000000000") BigDecimal value) {
}
