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

    /** The same answer as a typed reply, its problem+json read from the map. */
    public TypedReply<Object> typed() {
        Problem problem = null;
        if (!ok()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (map().get("errors") instanceof List<?> list) {
                for (Object e : list) {
                    if (e instanceof Map<?, ?> m) {
                        errors.add(new Problem.FieldError(m.get("field") == null ? null : m.get("field").toString(),
                                m.get("message") == null ? null : m.get("message").toString()));
                    }
                }
            }
            Object detail = map().get("detail");
            Object title = map().get("title");
            problem = new Problem(title == null ? null : title.toString(), detail == null ? null : detail.toString(), errors);
        }
        return new TypedReply<>(status, body, total, problem);
    }

    public List<TypedReply.FieldError> fieldErrors() {
        return typed().fieldErrors();
    }

    public String detail() {
        return typed().detail();
    }
}
