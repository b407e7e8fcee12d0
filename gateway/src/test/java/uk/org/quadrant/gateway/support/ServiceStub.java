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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for one of the services on a real loopback port: answers by path prefix (longest
 * first), records every request it got (method, path with query, headers, body), and can be made to
 * fail with a status so tests can take a service "down" and bring it back.
 */
public final class ServiceStub implements AutoCloseable {

    /** One request as the stand-in received it. */
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWith = new AtomicInteger(0);
    private volatile java.util.concurrent.CountDownLatch hang = new java.util.concurrent.CountDownLatch(0);

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

    public ServiceStub json(String pathPrefix, String json) {
        return answer(pathPrefix, 200, "application/json", json);
    }

    public ServiceStub answer(String pathPrefix, int status, String contentType, String body) {
        answers.put(pathPrefix, new Answer(status, contentType, body));
        return this;
    }

    /** Every request gets {@code status} (e.g. 503) until {@link #recover()}. */
    public void failWith(int status) {
        failWith.set(status);
    }

    public void recover() {
        failWith.set(0);
        hang.countDown();
    }

    /** Every request is taken and never answered (for a minute at most) until {@link #recover()}. */
    public void hang() {
        hang = new java.util.concurrent.CountDownLatch(1);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                Map.copyOf(exchange.getRequestHeaders()), body));
        try {
            hang.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Answer answer;
        if (failWith.get() != 0) {
            answer = new Answer(failWith.get(), "application/problem+json", "{\"status\":" + failWith.get() + "}");
        } else {
            answer = answers.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                    .map(Map.Entry::getValue)
                    .orElse(new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}"));
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        } catch (IOException ignored) {
            // the caller gave up waiting
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
