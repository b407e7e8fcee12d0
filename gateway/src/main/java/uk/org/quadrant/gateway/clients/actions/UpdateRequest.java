package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new progress update as the form sends it; a null {@code date} is today, a null {@code status} leaves it. */
@Serdeable
public record UpdateRequest(@Nullable String narrative, @Nullable String difference, @Nullable String status,
                            @Nullable Long version, @Nullable String date, @Nullable String evidenceLink) {
}
