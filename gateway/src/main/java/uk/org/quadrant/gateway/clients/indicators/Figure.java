package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A target, baseline or benchmark of an indicator for a period ({@code comparator} only for benchmarks). */
@Serdeable
public record Figure(@Nullable String indicatorCode, String period, @Nullable String periodLabel, @Nullable String comparator,
                     @Nullable BigDecimal value, @Nullable String updatedBy, @Nullable String updatedAt) {
}
