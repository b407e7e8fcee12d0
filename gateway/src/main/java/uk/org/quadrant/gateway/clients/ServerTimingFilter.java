package uk.org.quadrant.gateway.clients;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Adds the {@code Server-Timing} header: every downstream call the request made, the page's template
 * rendering ({@code render}) and the page's own {@code total}.
 *
 * <p>This filter is outside the views filter (order 0, before {@code RENDERING}), so on the way out it
 * sees the view as a not-yet-rendered {@link Writable}. It renders it here, on a blocking thread, so
 * that the header can say what rendering cost and the total includes it; otherwise the header would
 * be written before the template ran and understate the page (docs/performance.md). A template that
 * fails now fails before any byte is sent, as a whole error page rather than a truncated one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ServerTimingFilter {

    static final String STARTED = "quadrant.started-nanos";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void write(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ServerTimings.ATTRIBUTE, ServerTimings.class).ifPresent(timings -> {
            if (response.body() instanceof Writable view) {
                long renderStarted = System.nanoTime();
                String html = render(view);
                timings.add("render", "templates", (System.nanoTime() - renderStarted) / 1e6);
                ((MutableHttpResponse<Object>) response).body(html);
            }
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

    private static String render(Writable view) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            view.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
