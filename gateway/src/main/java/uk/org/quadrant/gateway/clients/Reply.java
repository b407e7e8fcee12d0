package uk.org.quadrant.gateway.clients;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * What a service answered to a typed client: its status and its body as the client's record type,
 * or, when it refused the call, its problem+json, read with {@link #fieldErrors()} and {@link #detail()}.
 *
 * @param status  the HTTP status
 * @param body    the body, or null when there was none (or the call was refused)
 * @param total   a paged list's whole length (the service's {@code X-Total-Count}), or null when not paged
 * @param problem the service's problem+json when it refused the call, or null
 * @param <T>     the body's type
 */
public record Reply<T>(int status, @Nullable T body, @Nullable Long total, @Nullable Problem problem) {

    public Reply(int status, @Nullable T body, @Nullable Long total) {
        this(status, body, total, null);
    }

    /** One field-level error from a service's problem+json {@code errors} list. */
    public record FieldError(String field, String message) {
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's field errors, in the order the service gave them. */
    public List<FieldError> fieldErrors() {
        List<FieldError> out = new ArrayList<>();
        if (problem != null && problem.errors() != null) {
            for (Problem.FieldError e : problem.errors()) {
                if (e != null && e.message() != null) {
                    out.add(new FieldError(e.field() == null ? "" : e.field(), e.message()));
                }
            }
        }
        return out;
    }

    /** The problem's human-readable detail (or title), for a message at the top of a form. */
    public String detail() {
        String detail = problem == null ? null : problem.detail() != null ? problem.detail() : problem.title();
        return detail == null ? "The service refused the request (status " + status + ")." : detail;
    }
}
