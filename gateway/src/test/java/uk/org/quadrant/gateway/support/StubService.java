package uk.org.quadrant.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for one service over real HTTP on a random loopback port: answers by path (and query),
 * records every request it got with its Authorization header, and can be switched to answer 500
 * ("down") or slowly.
 */
public final class StubService implements AutoCloseable {

    /** One request as the stub received it. */
    public record Received(String method, String pathAndQuery, String authorization) {
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile long delayMs;

    public StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} (exact, without query) with what {@code answer} makes of the query string ("" if none). */
    public StubService on(String path, Function<String, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public StubService onJson(String path, String json) {
        return on(path, q -> Answer.json(json));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    public void reset() {
        received.clear();
        down = false;
        delayMs = 0;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void slow(long delayMs) {
        this.delayMs = delayMs;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Function<String, Answer> route = routes.get(path);
        Answer answer = down ? new Answer(500, "application/problem+json", "{\"status\":500,\"title\":\"Internal Server Error\"}")
                : route == null ? new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}")
                : route.apply(query == null ? "" : query);
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        try {
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        } catch (IOException ignored) {
            // the gateway gave up waiting: that is the point of a slow stand-in
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
