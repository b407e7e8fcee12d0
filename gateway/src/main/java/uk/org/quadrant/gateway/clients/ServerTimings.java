package uk.org.quadrant.gateway.clients;

import io.micronaut.http.HttpRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The downstream calls one request made, with their durations, written out as a
 * {@code Server-Timing} header ({@code indicators;desc="GET /api/v1/scorecard";dur=12.4}) so a
 * browser's developer tools and the benchmark can see what a page spent waiting on each service.
 */
public final class ServerTimings {

    static final String ATTRIBUTE = "quadrant.server-timings";

    public record Entry(String service, String description, double millis) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The request's timings, created on first use. */
    public static ServerTimings of(HttpRequest<?> request) {
        synchronized (request) {
            return request.getAttribute(ATTRIBUTE, ServerTimings.class).orElseGet(() -> {
                ServerTimings timings = new ServerTimings();
                request.setAttribute(ATTRIBUTE, timings);
                return timings;
            });
        }
    }

    public synchronized void add(String service, String description, double millis) {
        entries.add(new Entry(service, description, millis));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized String header() {
        return entries.stream()
                .map(e -> e.service() + ";desc=\"" + e.description().replace("\"", "'").replace("\\", "/") + "\";dur="
                        + String.format(Locale.ROOT, "%.1f", e.millis()))
                .collect(Collectors.joining(", "));
    }
}
