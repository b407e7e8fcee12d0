package uk.org.quadrant.gateway.downstream;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a service answered: its status and its JSON body as plain maps, lists, strings, numbers and
 * booleans (templates read {@code row.code} straight off them). Problem details are read from the
 * same body: {@link #fieldErrors()} and {@link #detail()}.
 *
 * @param status the HTTP status
 * @param body   the parsed JSON body, or null when there was none
 * @param total  a paged list's whole length (the service's {@code X-Total-Count}), or null when not paged
 */
public record Reply(int status, @Nullable Object body, @Nullable Long total) {

    public Reply(int status, @Nullable Object body) {
        this(status, body, null);
    }

    /** One field-level error from a service's problem+json {@code errors} list. */
    public record FieldError(String field, String message) {
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return body instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The list body's elements that are JSON objects. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : list()) {
            if (o instanceof Map<?, ?> m) {
                rows.add((Map<String, Object>) m);
            }
        }
        return rows;
    }

    /** The problem's field errors, in the order the service gave them. */
    public List<FieldError> fieldErrors() {
        Object errors = map().get("errors");
        List<FieldError> out = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("message") != null) {
                    Object field = m.get("field");
                    out.add(new FieldError(field == null ? "" : field.toString(), m.get("message").toString()));
                }
            }
        }
        return out;
    }

    /** The problem's human-readable detail (or title), for a message at the top of a form. */
    public String detail() {
        Object detail = map().get("detail");
        if (detail == null) {
            detail = map().get("title");
        }
        return detail == null ? "The service refused the request (status " + status + ")." : detail.toString();
    }
}
