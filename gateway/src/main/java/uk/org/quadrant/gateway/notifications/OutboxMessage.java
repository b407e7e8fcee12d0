package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One message in the outbox ({@code V7__notification_outbox.sql}): what it says, to whom, and where it
 * is in its delivery ({@link Status}).
 */
@MappedEntity("notification")
public record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        String dedupeKey,
        String recipient,
        String toAddress,
        String kind,
        String template,
        @Nullable String agencyCode,
        String subject,
        String textBody,
        String htmlBody,
        @Nullable String unsubscribeUrl,
        @Nullable String linkPath,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String claimedBy,
        @Nullable Instant claimedAt,
        @Nullable String transport,
        @Nullable Long digestId,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** Where a message is in its delivery. */
    public enum Status {
        /** Waiting to be sent (again, after {@code nextAttemptAt}, if it failed before). */
        PENDING,
        /** Claimed by one gateway, which is handing it to the transport now. */
        SENDING,
        SENT,
        /** Given up: refused for good, out of attempts, or interrupted mid-send (never re-sent, so never twice). */
        FAILED,
        /** Kept for the recipient's weekly digest. */
        HELD,
        /** Went out in the weekly digest {@code digestId}. */
        DIGESTED
    }
}
