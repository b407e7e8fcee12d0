package uk.org.quadrant.common.changelog;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.ServiceOnly;
import uk.org.quadrant.common.access.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one attributed change-log entry; call it inside the transaction that makes the change. Then
 * publishes {@link ChangeRecorded}, whose listeners run at once in the same transaction (a service's
 * data-version stamp, for instance).
 */
@Singleton
@ServiceOnly
public class ChangeRecorder {

    private final ChangeLogRepository repository;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<ChangeRecorded> events;

    ChangeRecorder(ChangeLogRepository repository, ObjectMapper json, ApplicationEventPublisher<ChangeRecorded> events) {
        this.repository = repository;
        this.json = json;
        this.events = events;
    }

    public void record(Caller caller, String entityType, String entityId, String action, Object oldValue, Object newValue) {
        repository.save(new ChangeLogEntry(null, Instant.now(), caller.username(), caller.agency().isEmpty() ? null : caller.agency(),
                entityType, entityId, action, write(oldValue), write(newValue)));
        events.publishEvent(new ChangeRecorded(entityType, entityId, action));
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
