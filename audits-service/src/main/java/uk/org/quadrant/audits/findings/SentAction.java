package uk.org.quadrant.audits.findings;

import io.micronaut.serde.annotation.Serdeable;

/** The tracked action a recommendation became. */
@Serdeable
public record SentAction(long findingId, long actionId, String actionRef, String actionStatus, String delivery, boolean created) {
}
