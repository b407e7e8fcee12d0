package uk.org.quadrant.gateway.clients;

import java.util.function.Function;

/**
 * One panel of a page and whether its service answered in time. An unavailable panel is greyed out
 * with a message naming the service; the rest of the page still renders.
 *
 * @param <T> what the panel shows
 */
public record Panel<T>(boolean available, T data, String service) {

    public static <T> Panel<T> of(T data, String service) {
        return new Panel<>(true, data, service);
    }

    public static <T> Panel<T> unavailable(String service) {
        return new Panel<>(false, null, service);
    }

    /** The same panel showing {@code f(data)}, or still unavailable. */
    public <R> Panel<R> map(Function<T, R> f) {
        return available ? of(f.apply(data), service) : unavailable(service);
    }
}
