package uk.org.quadrant.indicators.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the EES public API ({@code api.education.gov.uk/statistics}) in the test JVM,
 * answering in its published shapes: {@code GET /v1/data-sets/{id}} (a DataSetViewModel with its
 * {@code latestVersion}) and {@code GET /v1/data-sets/{id}/csv?dataSetVersion=} (the CSV), 404 with a
 * problem for an unknown data set, and a 500 for one set to fail.
 */
final class FakeEesApi implements AutoCloseable {

    private final HttpServer server;
    /** data set id → version → CSV; the latest is the one named in {@link #latest}. */
    private final Map<String, Map<String, String>> versions = new ConcurrentHashMap<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final List<String> failing = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeEesApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/data-sets/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Publishes a version of a data set, which becomes its latest. */
    void publish(String dataSetId, String version, String csv) {
        versions.computeIfAbsent(dataSetId, k -> new ConcurrentHashMap<>()).put(version, csv);
        latest.put(dataSetId, version);
    }

    void fail(String dataSetId) {
        failing.add(dataSetId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(path + (query == null ? "" : "?" + query));
        String[] parts = path.substring("/v1/data-sets/".length()).split("/");
        String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (failing.contains(id)) {
            send(exchange, 500, "application/problem+json", "{\"title\":\"Internal Server Error\",\"status\":500}");
            return;
        }
        Map<String, String> byVersion = versions.get(id);
        if (byVersion == null) {
            send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            return;
        }
        String version = latest.get(id);
        if (parts.length == 1) {
            send(exchange, 200, "application/json", """
                    {"id":"%s","title":"Children looked after","summary":"Test data set","status":"Published",
                     "latestVersion":{"version":"%s","published":"2025-11-20T09:30:00+00:00","totalResults":2505,
                      "file":{"id":"e0754872-3206-4918-aad4-029eaaae191f"},"timePeriods":{"start":"2021","end":"2025"},
                      "geographicLevels":["National","Regional","Local authority"],"filters":["population_type"],
                      "indicators":["children_count","rate_per_10000"]}}""".formatted(id, version));
            return;
        }
        if (parts.length == 2 && parts[1].equals("csv")) {
            String wanted = query != null && query.startsWith("dataSetVersion=")
                    ? URLDecoder.decode(query.substring("dataSetVersion=".length()), StandardCharsets.UTF_8) : version;
            String csv = byVersion.get(wanted);
            if (csv == null) {
                send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            } else {
                send(exchange, 200, "text/csv", csv);
            }
            return;
        }
        send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
