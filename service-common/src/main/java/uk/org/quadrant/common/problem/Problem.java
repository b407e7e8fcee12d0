package uk.org.quadrant.common.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 * {@code errors} lists field-level validation failures: which field, and why.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable String instance, List<FieldError> errors) {

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
