package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A dated progress update on an action. Dates and instants are ISO text. */
@Serdeable
public record ActionUpdate(@Nullable Long id, long actionId, @Nullable String updateDate, @Nullable String author,
                           @Nullable String authorRole, @Nullable String agency, @Nullable String narrative,
                           @Nullable String difference, @Nullable String evidenceLink, @Nullable String statusAfter,
                           @Nullable String createdAt) {
}
