package uk.org.quadrant.gateway.support;

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

/**
 * A service stand-in over real HTTP on a random loopback port: answers fixed JSON by path (with its
 * query, or without), 404 problem+json for anything else, and records each request and the
 * {@code Authorization} it carried so tests can check the user's own token went through.
 */
public final class JsonStubServer implements AutoCloseable {

    /** What the stand-in answers. */
    public record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public JsonStubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String full = query == null ? path : path + "?" + query;
            requests.add(exchange.getRequestMethod() + " " + full);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = answers.getOrDefault(full, answers.get(path));
            if (answer == null) {
                answer = new Answer(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such thing\"}");
            }
            byte[] out = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    /** Answers {@code json} with 200 to a GET of this path (add the query to match only that query). */
    public JsonStubServer on(String pathAndQuery, String json) {
        return on(pathAndQuery, 200, json);
    }

    public JsonStubServer on(String pathAndQuery, int status, String json) {
        answers.put(pathAndQuery, new Answer(status, json));
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> requests() {
        return requests;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    public void clear() {
        requests.clear();
        authorizations.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
