package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One outbox message as {@code GET /api/v1/notifications/outbox} lists it: never its body, which may
 * name a child's case only in the agency's own words and is read on the outbox page.
 */
@Serdeable
public record OutboxItem(long id, String to, String recipient, String template, String kind, @Nullable String agency,
                         String subject, String status, int attempts, @Nullable String lastError, @Nullable String transport,
                         Instant createdAt, @Nullable Instant sentAt) {

    static OutboxItem of(OutboxMessage m) {
        return new OutboxItem(m.id(), m.toAddress(), m.recipient(), m.template(), m.kind(), m.agencyCode(), m.subject(),
                m.status().name(), m.attempts(), m.lastError(), m.transport(), m.createdAt(), m.sentAt());
    }
}
