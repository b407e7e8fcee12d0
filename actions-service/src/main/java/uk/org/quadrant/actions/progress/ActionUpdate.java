package uk.org.quadrant.actions.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.actions.domain.ActionStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A dated progress update: what was done, and what difference it has made. */
@Serdeable
@MappedEntity("action_update")
public record ActionUpdate(
        @Id @GeneratedValue @Nullable Long id,
        long actionId,
        LocalDate updateDate,
        String author,
        @Nullable String authorRole,
        String agency,
        String narrative,
        @Nullable String difference,
        @Nullable String evidenceLink,
        @Nullable ActionStatus statusAfter,
        Instant createdAt) {
}
