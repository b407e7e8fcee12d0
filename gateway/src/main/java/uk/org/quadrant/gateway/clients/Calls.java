package uk.org.quadrant.gateway.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service calls of one page request, all made with the signed-in user's token. Start every
 * call a page needs first, then wait: they run in parallel, each bounded by the downstream timeout.
 */
public final class Calls {

    private final Downstream downstream;
    private final @Nullable HttpRequest<?> origin;
    private final @Nullable Supplier<String> serviceToken;
    private final ServerTimings timings;

    Calls(Downstream downstream, @Nullable HttpRequest<?> origin, @Nullable Supplier<String> serviceToken, ServerTimings timings) {
        this.downstream = downstream;
        this.origin = origin;
        this.serviceToken = serviceToken;
        this.timings = timings;
    }

    /** A read through a typed client; retried once if the service could not be reached. */
    public <T> CompletableFuture<Reply<T>> read(Service service, Supplier<CompletableFuture<HttpResponse<T>>> call) {
        return downstream.call(service, true, origin, serviceToken, timings, call);
    }

    /** A write through a typed client; never retried, so it is never applied twice. */
    public <T> CompletableFuture<Reply<T>> write(Service service, Supplier<CompletableFuture<HttpResponse<T>>> call) {
        return downstream.call(service, false, origin, serviceToken, timings, call);
    }

    /**
     * Waits for a read and turns it into a panel: unavailable if the service did not answer or
     * refused (an error status), otherwise {@code f(reply)}.
     */
    public static <B, T> Panel<T> panel(CompletableFuture<Reply<B>> call, Service service, Function<Reply<B>, T> f) {
        try {
            Reply<B> reply = call.join();
            if (!reply.ok()) {
                return Panel.unavailable(service.displayName());
            }
            return Panel.of(f.apply(reply), service.displayName());
        } catch (CompletionException | DownstreamUnavailableException e) {
            return Panel.unavailable(service.displayName());
        }
    }

    /** Waits for a call a page cannot do without; a service that did not answer becomes a 503 page. */
    public static <B> Reply<B> require(CompletableFuture<Reply<B>> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DownstreamUnavailableException d) {
                throw d;
            }
            throw e;
        }
    }

    /** A path or query segment, encoded. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
