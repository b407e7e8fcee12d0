package uk.org.quadrant.indicators.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A population denominator (e.g. UNDER_18 in 2017) for computing rates per 10,000. */
@Serdeable
@MappedEntity("population")
public record Population(
        @Id @GeneratedValue @Nullable Long id,
        String populationCode,
        int populationYear,
        long populationValue,
        String updatedBy,
        Instant updatedAt) {
}
