package uk.org.quadrant.gateway.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A service's problem+json answer to a refused call, as far as the gateway reads it: the words for
 * the top of a form and the field-level errors.
 */
@Serdeable
public record Problem(@Nullable String title, @Nullable String detail, @Nullable List<FieldError> errors) {

    /** One field-level error from the problem's {@code errors} list. */
    @Serdeable
    public record FieldError(@Nullable String field, @Nullable String message) {
    }
}
