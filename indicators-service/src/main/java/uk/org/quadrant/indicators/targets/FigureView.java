package uk.org.quadrant.indicators.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

/** A target, baseline or benchmark as clients see it. */
@Serdeable
public record FigureView(String indicatorCode, String period, String periodLabel, @Nullable String comparator,
                         BigDecimal value, String updatedBy, Instant updatedAt) {
}
