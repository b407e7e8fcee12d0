package uk.org.quadrant.audits.problem;

import java.util.List;

/** Input that passed parsing but breaks a domain rule; rendered as a 400 naming each field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.isEmpty() ? "Invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
