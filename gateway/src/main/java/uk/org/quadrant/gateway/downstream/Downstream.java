package uk.org.quadrant.gateway.downstream;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import uk.org.quadrant.gateway.tokens.AuthConfiguration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final Map<Service, HttpClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, CircuitBreaker> breakers = new EnumMap<>(Service.class);
    private final JsonMapper json;
    private final DownstreamConfiguration config;
    private final String cookieName;

    Downstream(@Client(id = "indicators") HttpClient indicators,
               @Client(id = "audits") HttpClient audits,
               @Client(id = "actions") HttpClient actions,
               JsonMapper json, DownstreamConfiguration config, AuthConfiguration auth) {
        clients.put(Service.INDICATORS, indicators);
        clients.put(Service.AUDITS, audits);
        clients.put(Service.ACTIONS, actions);
        for (Service s : Service.values()) {
            breakers.put(s, new CircuitBreaker(config.breakerThreshold(), config.breakerOpenFor(), Clock.systemUTC()));
        }
        this.json = json;
        this.config = config;
        this.cookieName = auth.cookieName();
    }

    /** Calls on behalf of the user who made {@code request}, timed into its {@code Server-Timing}. */
    public Calls forRequest(HttpRequest<?> request) {
        return new Calls(this, request, bearer(request), ServerTimings.of(request));
    }

    public CircuitBreaker.State breakerState(Service service) {
        return breakers.get(service).state();
    }

    HttpClient client(Service service) {
        return clients.get(service);
    }

    /** The signed-in user's token: the bearer header of an API client, or the browser's session cookie. */
    String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (header != null && header.startsWith("Bearer ")) {
            return header;
        }
        return request.getCookies().findCookie(cookieName).map(c -> "Bearer " + c.getValue()).orElse("");
    }

    /** A legacy call by path, through the same policy. */
    CompletableFuture<Reply> call(Service service, HttpMethod method, String path, Object body, String bearer,
                                          ServerTimings timings) {
        return call(service, method == HttpMethod.GET, null, method + " " + stripQuery(path), timings,
                c -> exchange(service, method, path, body, bearer), Reply::status);
    }

    /** A typed client's call made for {@code origin}, through the policy. */
    <T> CompletableFuture<TypedReply<T>> call(Service service, boolean read, HttpRequest<?> origin, ServerTimings timings,
                                         Supplier<CompletableFuture<HttpResponse<T>>> invoke) {
        return call(service, read, origin, service.id(), timings, c -> invoke(c, invoke), TypedReply::status);
    }

    /**
     * The policy: the breaker first, then the call (a read retried once if it could not connect), the
     * whole bounded by the timeout, the time taken recorded, the breaker told how it went.
     */
    private <R> CompletableFuture<R> call(Service service, boolean read, HttpRequest<?> origin, String description,
                                          ServerTimings timings, Function<UserCall, CompletableFuture<R>> exchange,
                                          ToIntFunction<R> status) {
        CircuitBreaker breaker = breakers.get(service);
        if (!breaker.tryAcquire()) {
            return CompletableFuture.failedFuture(new DownstreamUnavailableException(service, "circuit open", null));
        }
        UserCall userCall = new UserCall(origin, description);
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
    private <T> CompletableFuture<TypedReply<T>> invoke(UserCall userCall, Supplier<CompletableFuture<HttpResponse<T>>> invoke) {
        CompletableFuture<HttpResponse<T>> response;
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(userCall).propagate()) {
            response = invoke.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return response.handle((r, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof HttpClientResponseException e) {
                return typed(e.getResponse());
            }
            if (cause != null) {
                throw cause instanceof CompletionException c ? c : new CompletionException(cause);
            }
            return typed(r);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> TypedReply<T> typed(HttpResponse<?> response) {
        Long total = response.getHeaders().get("X-Total-Count", Long.class).orElse(null);
        if (response.code() >= 400) {
            Problem problem = null;
            try {
                problem = response.getBody(Problem.class).orElse(null);
            } catch (RuntimeException e) {
                problem = null;
            }
            return new TypedReply<>(response.code(), null, total, problem);
        }
        return new TypedReply<>(response.code(), (T) response.getBody().orElse(null), total);
    }

    private static boolean retryable(int status, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String name = cause.getClass().getSimpleName();
            return !(cause instanceof TimeoutException) && !name.contains("ReadTimeout");
        }
        return status == 502 || status == 503 || status == 504;
    }

    private CompletableFuture<Reply> exchange(Service service, HttpMethod method, String path, Object body, String bearer) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, path).accept(MediaType.APPLICATION_JSON_TYPE);
        if (!bearer.isEmpty()) {
            request.header("Authorization", bearer);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        return Mono.from(client(service).exchange(request, Argument.of(byte[].class), Argument.of(byte[].class)))
                .map(response -> reply(response))
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just(reply(e.getResponse())))
                .toFuture();
    }

    private Reply reply(HttpResponse<?> response) {
        byte[] bytes = response.getBody(byte[].class).orElse(null);
        Object body = null;
        if (bytes != null && bytes.length > 0) {
            try {
                body = plain(json.readValue(bytes, Argument.of(JsonNode.class)));
            } catch (IOException e) {
                body = null;
            }
        }
        Long total = response.getHeaders().get("X-Total-Count", Long.class).orElse(null);
        return new Reply(response.code(), body, total);
    }

    /** A JSON tree as plain Java values, numbers as BigDecimal or Long so figures print as the service sent them. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode v : node.values()) {
                list.add(plain(v));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            Number n = node.getNumberValue();
            if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof java.math.BigInteger) {
                return n.longValue();
            }
            return new BigDecimal(n.toString());
        }
        return node.getStringValue();
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
