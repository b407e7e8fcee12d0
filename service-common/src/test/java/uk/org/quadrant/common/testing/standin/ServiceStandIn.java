package uk.org.quadrant.common.testing.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for one downstream service, over real HTTP on a random loopback port (the caller's
 * {@code micronaut.http.services.<name>.url} is {@link #url()}).
 *
 * <p><b>Routes</b> are written {@code "[METHOD ]path[?query]"}; without a method a route answers
 * every method, without a query every query of that path, and a path ending in {@code *} every path
 * that starts with what comes before it. A request {@code M p?q} is answered by the first route of:
 * {@code "M p?q"}, {@code "M p"}, {@code "p?q"}, {@code "p"}, the longest matching {@code "M prefix*"},
 * the longest matching {@code "prefix*"}, the {@link #otherwise} responder; else 404 problem+json.
 *
 * <p>Every request is {@linkplain #received() recorded} (method, path, query, headers, body) before
 * it is answered. Faults until {@link #recover()}: {@link #failWith(int)} (every request gets that
 * status), {@link #refuseConnections()} (nothing listens on the port), {@link #hang()} (requests are
 * taken and not answered), {@link #slow(Duration)} (answers come late).
 */
public final class ServiceStandIn implements AutoCloseable {

    /** One request as the stand-in received it; {@code query} is "" when there was none. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String pathAndQuery() {
            return query.isEmpty() ? path : path + "?" + query;
        }

        /** {@code "GET /api/v1/audits?x=1"}. */
        public String line() {
            return method + " " + pathAndQuery();
        }

        /** The first value of the header (any case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The {@code Authorization} header, or null. */
        public String authorization() {
            return header("Authorization");
        }
    }

    /** A canned answer; a null body sends no body (and no content type). */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public Answer {
            headers = Map.copyOf(headers);
        }

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** 200 with this JSON. */
        public static Answer json(String body) {
            return json(200, body);
        }

        /** This JSON with this status: application/problem+json from 400 on, application/json below. */
        public static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body);
        }

        /** This status with no body (204, for instance). */
        public static Answer empty(int status) {
            return new Answer(status, null, null);
        }

        /** The same answer with one more response header. */
        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, more);
        }
    }

    private static final Answer NOT_FOUND = Answer.json(404,
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such thing\"}");

    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, Duration> slowRoutes = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile Function<Request, Answer> otherwise;
    private volatile int failWith;
    private volatile Duration slow = Duration.ZERO;
    private volatile CountDownLatch hang = new CountDownLatch(0);

    public ServiceStandIn() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            executor = Executors.newCachedThreadPool();
            s.setExecutor(executor);
            s.createContext("/", this::handle);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    // ---- answers ------------------------------------------------------------------------------------

    /** Answers the route with 200 and this JSON. */
    public ServiceStandIn on(String route, String json) {
        return on(route, Answer.json(json));
    }

    /** Answers the route with this status and JSON (problem+json from 400 on). */
    public ServiceStandIn on(String route, int status, String json) {
        return on(route, Answer.json(status, json));
    }

    public ServiceStandIn on(String route, Answer answer) {
        return on(route, request -> answer);
    }

    /** Answers the route with what {@code responder} makes of each request. */
    public ServiceStandIn on(String route, Function<Request, Answer> responder) {
        routes.put(route, responder);
        return this;
    }

    /** Answers every request no route matches. */
    public ServiceStandIn otherwise(Function<Request, Answer> responder) {
        otherwise = responder;
        return this;
    }

    /** The routes as set, by route (read-only). */
    public Map<String, Function<Request, Answer>> routes() {
        return Collections.unmodifiableMap(routes);
    }

    /** What the stand-in answers to this request when nothing is wrong with it. */
    public Answer answerTo(Request request) {
        String m = request.method() + " ";
        for (String key : List.of(m + request.pathAndQuery(), m + request.path(), request.pathAndQuery(), request.path())) {
            Function<Request, Answer> route = routes.get(key);
            if (route != null) {
                return route.apply(request);
            }
        }
        Function<Request, Answer> prefix = longestPrefix(m, request.path());
        if (prefix == null) {
            prefix = longestPrefix("", request.path());
        }
        if (prefix != null) {
            return prefix.apply(request);
        }
        Function<Request, Answer> fallback = otherwise;
        return fallback != null ? fallback.apply(request) : NOT_FOUND;
    }

    private Function<Request, Answer> longestPrefix(String method, String path) {
        return routes.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*") && e.getKey().startsWith(method)
                        && e.getKey().indexOf(' ') == method.length() - 1
                        && path.startsWith(e.getKey().substring(method.length(), e.getKey().length() - 1)))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    // ---- faults -------------------------------------------------------------------------------------

    /** Every request gets {@code status} (e.g. 500, 503) as problem+json until {@link #recover()}. */
    public void failWith(int status) {
        failWith = status;
    }

    /** Nothing listens on the port until {@link #recover()}: calls get "connection refused". */
    public synchronized void refuseConnections() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Every request is taken and not answered (for a minute at most) until {@link #recover()}. */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    /** Every answer comes {@code delay} late until {@link #recover()}. */
    public void slow(Duration delay) {
        slow = delay;
    }

    /** Answers to this route come {@code delay} late, until {@link #reset()}. */
    public ServiceStandIn slow(String route, Duration delay) {
        slowRoutes.put(route, delay);
        return this;
    }

    /** Answers as set again: no failure status, listening, not hanging, not slow (slow routes stay). */
    public synchronized void recover() {
        failWith = 0;
        slow = Duration.ZERO;
        hang.countDown();
        if (server == null) {
            server = listen(port);
        }
    }

    // ---- what it received ---------------------------------------------------------------------------

    /** Every request received since the last {@link #clear()}, in order. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /** The requests that change something (all but GET). */
    public List<Request> writes() {
        return received.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    /** The last request with this method. */
    public Request last(String method) {
        List<Request> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).method().equals(method)) {
                return all.get(i);
            }
        }
        throw new AssertionError("No " + method + " received: " + all);
    }

    /** Each request received as {@code "METHOD path?query"}. */
    public List<String> requestLines() {
        return received.stream().map(Request::line).toList();
    }

    /** The {@code Authorization} header of each request received ("null" where there was none). */
    public List<String> authorizations() {
        return received.stream().map(r -> String.valueOf(r.authorization())).toList();
    }

    /** Forgets the requests received (routes and faults stay). */
    public void clear() {
        received.clear();
    }

    /** As new: no routes, no faults, nothing received. */
    public void reset() {
        routes.clear();
        slowRoutes.clear();
        otherwise = null;
        received.clear();
        recover();
    }

    @Override
    public synchronized void close() {
        hang.countDown();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(method, path, query == null ? "" : query, Map.copyOf(exchange.getRequestHeaders()), body);
        received.add(request);
        try {
            hang.await(60, TimeUnit.SECONDS);
            Duration delay = slowRoutes.getOrDefault(method + " " + request.pathAndQuery(), slowRoutes.get(method + " " + path));
            delay = delay != null ? delay : slow;
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int failure = failWith;
        Answer answer = failure != 0 ? Answer.json(failure, "{\"type\":\"about:blank\",\"title\":\"Stand-in failure\",\"status\":" + failure + "}")
                : answerTo(request);
        try {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (answer.body() == null || answer.body().isEmpty()) {
                if (answer.contentType() != null && answer.body() != null) {
                    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                }
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        } catch (IOException ignored) {
            // the caller gave up waiting: that is what a slow or hanging stand-in is for
        } finally {
            exchange.close();
        }
    }
}
