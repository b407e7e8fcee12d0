package uk.org.quadrant.common.problem;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Renders every error as {@code application/problem+json}. Client errors carry the framework's
 * explanation and a field-level list; server errors carry only a reference to the log line, never
 * an exception message or stack trace.
 */
@Singleton
public class ProblemJsonErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemJsonErrorResponseProcessor.class);

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        return response.contentType(PROBLEM_JSON).body(problemOf(context, response.getStatus()));
    }

    /**
     * The problem detail for an error answered with {@code status}; a server error's cause is logged
     * under the reference the detail gives. Also what the gateway's error pages show.
     */
    public static Problem problemOf(ErrorContext context, HttpStatus status) {
        String instance = context.getRequest().getPath();
        Problem problem;
        if (status.getCode() >= 500 && context.getRootCause().filter(HttpStatusException.class::isInstance).isPresent()) {
            // A deliberate answer (e.g. "the database is not answering"): its message is written for the user.
            problem = new Problem("about:blank", status.getReason(), status.getCode(),
                    context.getRootCause().get().getMessage(), instance, List.of());
        } else if (status.getCode() >= 500) {
            String reference = UUID.randomUUID().toString();
            context.getRootCause().ifPresent(cause ->
                    LOG.error("Unhandled error {} on {} {}", reference, context.getRequest().getMethod(), instance, cause));
            problem = new Problem("about:blank", status.getReason(), status.getCode(),
                    "The request could not be completed. Reference: " + reference, instance, List.of());
        } else {
            List<Problem.FieldError> fields = context.getRootCause()
                    .filter(c -> c instanceof ConstraintViolationException || c instanceof InvalidRequestException)
                    .map(cause -> cause instanceof InvalidRequestException invalid
                            ? invalid.errors() : violations((ConstraintViolationException) cause))
                    .orElseGet(() -> context.getErrors().stream()
                            .filter(e -> e.getPath().isPresent())
                            .map(e -> JsonBodyErrors.of(context.getRequest(), e.getMessage())
                                    .orElseGet(() -> new Problem.FieldError(fieldName(e.getPath().get()), e.getMessage())))
                            .toList());
            String detail = fields.isEmpty()
                    ? context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null)
                    : status != HttpStatus.BAD_REQUEST ? fields.get(0).field() + ": " + fields.get(0).message()
                    : "Invalid request: " + fields.size() + " field(s) failed validation";
            problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, instance, fields);
        }
        return problem;
    }

    private static List<Problem.FieldError> violations(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /**
     * The path a client recognises: a query or path parameter by its name ("limit"), a JSON body
     * property by its path inside the body ("numerator", "targets[0].value").
     */
    static String fieldName(Path path) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR
                    && node.getKind() != ElementKind.RETURN_VALUE) {
                nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder name = new StringBuilder();
        for (Path.Node node : nodes) {
            // Bean Validation puts a container's index on the element node that follows it.
            if (node.isInIterable() && !name.isEmpty()) {
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        return name.toString();
    }

    /** "list.limit" (method.argument) and "save.body.title" become "limit" and "title". */
    static String fieldName(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = trimmed.split("\\.");
        int start = 1;
        if (parts.length > 2 && (parts[1].equals("body") || parts[1].equals("command") || parts[1].equals("request"))) {
            start = 2;
        }
        if (parts.length == 1) {
            return trimmed;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
