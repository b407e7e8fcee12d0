package uk.org.quadrant.gateway.forms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for one service over real HTTP on a random loopback port. Answers are set per
 * "METHOD path" (the path with its query, or without it); every request is recorded with its bearer
 * token and body so tests can check what the gateway sent, and how many times.
 */
public final class ServiceStub {

    /** One request as the stub received it. */
    public record Received(String method, String path, String authorization, String body) {
    }

    /** A canned answer. */
    public record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, java.time.Duration> delays = new ConcurrentHashMap<>();

    public ServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "GET /api/v1/audits"} (exact path and query first, then the path alone). */
    public ServiceStub on(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
        return this;
    }

    /** Answers {@code "PUT /api/v1/…"} only after {@code delay}: a service slower than the gateway waits. */
    public ServiceStub slow(String methodAndPath, java.time.Duration delay) {
        delays.put(methodAndPath, delay);
        return this;
    }

    public void reset() {
        answers.clear();
        delays.clear();
        received.clear();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests that change something. */
    public List<Received> writes() {
        return received.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String full = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, full, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), body));
        Answer answer = answers.get(method + " " + full);
        if (answer == null) {
            answer = answers.get(method + " " + exchange.getRequestURI().getRawPath());
        }
        if (answer == null) {
            answer = new Answer(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Not found\"}");
        }
        java.time.Duration delay = delays.getOrDefault(method + " " + full, delays.get(method + " " + exchange.getRequestURI().getRawPath()));
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        } catch (IOException ignored) {
            // the caller gave up waiting
        }
    }
}
