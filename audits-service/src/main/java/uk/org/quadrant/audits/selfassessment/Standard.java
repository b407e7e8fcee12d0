package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A Section 11 standard agencies rate themselves against. */
@Serdeable
@MappedEntity("s11_standard")
public record Standard(@Id String code, String title, @Nullable String description, int ordinal, boolean active) {
}
