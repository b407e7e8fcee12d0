package uk.org.quadrant.common.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * Input that passed parsing but breaks a domain rule; rendered as a 400 naming each field, or with
 * another client-error status (403, 409) when the field names something the caller may not set or
 * that the record's state forbids, so that the refusal still says which field it is about.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;
    private final HttpStatus status;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        this(HttpStatus.BAD_REQUEST, errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidRequestException(HttpStatus status, String field, String message) {
        this(status, List.of(new Problem.FieldError(field, message)));
    }

    private InvalidRequestException(HttpStatus status, List<Problem.FieldError> errors) {
        super(errors.isEmpty() ? "Invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
