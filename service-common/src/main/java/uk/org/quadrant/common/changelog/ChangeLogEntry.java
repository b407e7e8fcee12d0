package uk.org.quadrant.common.changelog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One attributed change to this service's data: who, for which agency, when, and the old and new value.
 * Written in the same transaction as the change it records.
 */
@Serdeable
@MappedEntity("change_log")
public record ChangeLogEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant changedAt,
        String changedBy,
        @Nullable String changedByAgency,
        String entityType,
        String entityId,
        String action,
        @Nullable String oldValue,
        @Nullable String newValue) {
}
