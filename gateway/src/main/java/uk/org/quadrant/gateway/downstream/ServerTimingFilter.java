package uk.org.quadrant.gateway.downstream;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Locale;

/** Adds the {@code Server-Timing} header listing every downstream call the request made, and the page's own total. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ServerTimingFilter {

    static final String STARTED = "quadrant.started-nanos";

    @io.micronaut.http.annotation.RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void write(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ServerTimings.ATTRIBUTE, ServerTimings.class).ifPresent(timings -> {
            StringBuilder header = new StringBuilder(timings.header());
            request.getAttribute(STARTED, Long.class).ifPresent(started -> {
                if (header.length() > 0) {
                    header.append(", ");
                }
                header.append("total;dur=").append(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
            });
            response.header("Server-Timing", header.toString());
        });
    }
}
