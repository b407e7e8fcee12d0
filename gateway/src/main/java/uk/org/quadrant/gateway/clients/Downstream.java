package uk.org.quadrant.gateway.clients;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The one way the gateway calls the services, with the same policy on every call: the signed-in
 * user's own token, a bound on the whole call, a circuit breaker per service, one retry for reads
 * that failed to connect (never for writes), and the time taken in the page's {@code Server-Timing}.
 */
@Singleton
public class Downstream {

    private static final Logger LOG = LoggerFactory.getLogger(Downstream.class);

    private final Map<Service, CircuitBreaker> breakers = new EnumMap<>(Service.class);
    private final DownstreamConfiguration config;

    Downstream(DownstreamConfiguration config) {
        for (Service s : Service.values()) {
            breakers.put(s, new CircuitBreaker(config.breakerThreshold(), config.breakerOpenFor(), Clock.systemUTC()));
        }
        this.config = config;
    }

    /** Calls on behalf of the user who made {@code request}, timed into its {@code Server-Timing}. */
    public Calls forRequest(HttpRequest<?> request) {
        return new Calls(this, request, null, ServerTimings.of(request));
    }

    /**
     * Calls the gateway makes on its own account, for work no signed-in person asked for (the reminder
     * rules): each carries {@code serviceToken}'s current value. Same policy; the timings go nowhere.
     */
    public Calls forService(Supplier<String> serviceToken) {
        return new Calls(this, null, serviceToken, new ServerTimings());
    }

    public CircuitBreaker.State breakerState(Service service) {
        return breakers.get(service).state();
    }

    /** A typed client's call made for {@code origin}, through the policy. */
    <T> CompletableFuture<Reply<T>> call(Service service, boolean read, HttpRequest<?> origin, Supplier<String> serviceToken,
                                         ServerTimings timings, Supplier<CompletableFuture<HttpResponse<T>>> invoke) {
        return call(service, read, origin, serviceToken, service.id(), timings, c -> invoke(c, invoke), Reply::status);
    }

    /**
     * The policy: the breaker first, then the call (a read retried once if it could not connect), the
     * whole bounded by the timeout, the time taken recorded, the breaker told how it went.
     */
    private <R> CompletableFuture<R> call(Service service, boolean read, HttpRequest<?> origin, Supplier<String> serviceToken,
                                          String description,
                                          ServerTimings timings, Function<UserCall, CompletableFuture<R>> exchange,
                                          ToIntFunction<R> status) {
        CircuitBreaker breaker = breakers.get(service);
        if (!breaker.tryAcquire()) {
            return CompletableFuture.failedFuture(new DownstreamUnavailableException(service, "circuit open", null));
        }
        UserCall userCall = new UserCall(origin, serviceToken, description);
        long started = System.nanoTime();
        CompletableFuture<R> attempt = exchange.apply(userCall);
        if (read) {
            attempt = attempt.handle((reply, error) -> retryable(reply == null ? 0 : status.applyAsInt(reply), error)
                            ? exchange.apply(userCall)
                            : error != null ? CompletableFuture.<R>failedFuture(error) : CompletableFuture.completedFuture(reply))
                    .thenCompose(f -> f);
        }
        CompletableFuture<R> bounded = attempt.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<R> result = new CompletableFuture<>();
        bounded.whenComplete((reply, error) -> {
            timings.add(service.id(), userCall.description(), (System.nanoTime() - started) / 1e6);
            if (error == null && status.applyAsInt(reply) < 500) {
                breaker.onSuccess();
                result.complete(reply);
                return;
            }
            breaker.onFailure();
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String reason = cause == null ? "status " + status.applyAsInt(reply)
                    : cause instanceof TimeoutException ? "no answer within " + config.timeout().toMillis() + " ms" : cause.toString();
            LOG.warn("{} {}: {}", service.displayName(), userCall.description(), reason);
            result.completeExceptionally(new DownstreamUnavailableException(service, reason, cause));
        });
        return result;
    }

    /** Invokes a typed client with the user's call in the propagated context, where {@link UserTokenFilter} finds it. */
    private <T> CompletableFuture<Reply<T>> invoke(UserCall userCall, Supplier<CompletableFuture<HttpResponse<T>>> invoke) {
        CompletableFuture<HttpResponse<T>> response;
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(userCall).propagate()) {
            response = invoke.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return response.handle((r, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof HttpClientResponseException e) {
                return reply(e.getResponse());
            }
            if (cause != null) {
                throw cause instanceof CompletionException c ? c : new CompletionException(cause);
            }
            return reply(r);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Reply<T> reply(HttpResponse<?> response) {
        Long total = response.getHeaders().get("X-Total-Count", Long.class).orElse(null);
        if (response.code() >= 400) {
            Problem problem = null;
            try {
                problem = response.getBody(Problem.class).orElse(null);
            } catch (RuntimeException e) {
                problem = null;
            }
            return new Reply<>(response.code(), null, total, problem);
        }
        return new Reply<>(response.code(), (T) response.getBody().orElse(null), total);
    }

    private static boolean retryable(int status, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String name = cause.getClass().getSimpleName();
            return !(cause instanceof TimeoutException) && !name.contains("ReadTimeout");
        }
        return status == 502 || status == 503 || status == 504;
    }
}
