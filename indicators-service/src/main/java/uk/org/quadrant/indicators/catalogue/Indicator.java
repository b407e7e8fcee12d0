package uk.org.quadrant.indicators.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.domain.Frequency;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Unit;

import java.math.BigDecimal;
import java.time.Instant;

/** An indicator of the multi-agency dataset, defined by the board manager. */
@Serdeable
@MappedEntity("indicator")
public record Indicator(
        @Id String code,
        String title,
        @Nullable String description,
        Unit unit,
        Polarity polarity,
        Frequency frequency,
        String ownerAgency,
        int priority,
        BigDecimal tolerancePercent,
        @Nullable String numeratorLabel,
        @Nullable String denominatorLabel,
        @Nullable String population,
        boolean published,
        boolean active,
        @Version @Nullable Long version,
        String updatedBy,
        Instant updatedAt) {
}
