package uk.org.quadrant.gateway.dashboard;

/**
 * One panel of a page and whether its service answered in time. An unavailable panel is greyed out
 * with a message; the rest of the page still renders.
 *
 * @param <T> what the panel shows
 */
public record Panel<T>(boolean available, T data, String service) {

    static <T> Panel<T> of(T data, String service) {
        return new Panel<>(true, data, service);
    }

    static <T> Panel<T> unavailable(String service) {
        return new Panel<>(false, null, service);
    }
}
