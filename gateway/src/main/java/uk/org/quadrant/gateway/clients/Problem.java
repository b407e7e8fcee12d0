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

    /**
     * One field-level error from the problem's {@code errors} list; or, in a refused import's answer,
     * one error by the file's {@code row} and {@code column} with its {@code reason}.
     */
    @Serdeable
    public record FieldError(@Nullable String field, @Nullable String message, @Nullable Integer row, @Nullable String column,
                             @Nullable String reason) {
    }
}
