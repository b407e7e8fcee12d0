package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One change to the gateway's own data: who made it, when, and the old and new values as text.
 * Passwords never appear here; a reset is recorded as the fact that it happened.
 */
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
