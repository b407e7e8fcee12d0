package uk.org.quadrant.audits.changelog;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import uk.org.quadrant.audits.access.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes one attributed change-log entry and bumps the {@link DataVersion}; call it inside the transaction that makes the change. */
@Singleton
public class ChangeRecorder {

    private final ChangeLogRepository repository;
    private final ObjectMapper json;
    private final DataVersion dataVersion;

    ChangeRecorder(ChangeLogRepository repository, ObjectMapper json, DataVersion dataVersion) {
        this.repository = repository;
        this.json = json;
        this.dataVersion = dataVersion;
    }

    public void record(Caller caller, String entityType, String entityId, String action, Object oldValue, Object newValue) {
        repository.save(new ChangeLogEntry(null, Instant.now(), caller.username(), caller.agency().isEmpty() ? null : caller.agency(),
                entityType, entityId, action, write(oldValue), write(newValue)));
        dataVersion.bump();   // every recorded change invalidates the cached read models
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
