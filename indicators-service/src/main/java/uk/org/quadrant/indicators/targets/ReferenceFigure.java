package uk.org.quadrant.indicators.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** A target, baseline or benchmark for one indicator and period (benchmarks also name a comparator). */
@MappedEntity("indicator_reference")
public record ReferenceFigure(
        @Id @GeneratedValue @Nullable Long id,
        String indicatorCode,
        ReferenceKind kind,
        String period,
        String comparator,
        BigDecimal figure,
        String updatedBy,
        Instant updatedAt) {
}
