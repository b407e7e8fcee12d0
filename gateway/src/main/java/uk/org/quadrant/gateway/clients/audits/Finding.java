package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A finding of an audit, with its themes and quadrant. */
@Serdeable
public record Finding(long id, long auditId, String kind, String text, @Nullable List<String> themes, String quadrant,
                      @Nullable String agency, @Nullable String actionRef, @Nullable String actionStatus,
                      @Nullable String createdBy, @Nullable String createdAt, long version) {

    /** The finding's theme codes, never null. */
    public List<String> themeCodes() {
        return themes == null ? List.of() : themes;
    }
}
