package uk.org.quadrant.actions.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for indicators-service over real HTTP on loopback: {@code GET /api/v1/scorecard} (the
 * latest value of every indicator) and {@code GET /api/v1/indicators/{code}} (200 for a known code,
 * 404 otherwise). Each endpoint can be made to fail (500), hang past the client's read timeout, or
 * answer with something that is not JSON. Counts requests and records the Authorization header
 * each carried.
 */
public final class IndicatorsStub implements AutoCloseable {

    /** How an endpoint answers. */
    public enum Mode { OK, ERROR, SLOW, GARBAGE }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<String, String> scorecardRows = new ConcurrentHashMap<>();
    private final AtomicInteger scorecardCalls = new AtomicInteger();
    private final AtomicInteger indicatorCalls = new AtomicInteger();
    private final List<String> scorecardAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> indicatorAuthorizations = new CopyOnWriteArrayList<>();
    private volatile Mode scorecardMode = Mode.OK;
    private volatile Mode indicatorMode = Mode.OK;
    private volatile Duration slowness = Duration.ofMillis(3500);

    public IndicatorsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A slow answer must not hold up the next request: one daemon thread per request.
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "indicators-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/api/v1/scorecard", this::scorecard);
        server.createContext("/api/v1/indicators/", this::indicator);
        server.start();
    }

    /** Points the service under test's declarative client at this stub. */
    public Map<String, String> properties() {
        return Map.of("micronaut.http.services.indicators.url", url());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Codes that {@code GET /api/v1/indicators/{code}} knows (200). */
    public IndicatorsStub know(String... codes) {
        known.addAll(List.of(codes));
        return this;
    }

    /** A known indicator with a scorecard row; {@code value} may be null (no value yet). */
    public IndicatorsStub latest(String code, String period, String periodLabel, BigDecimal value, String status) {
        known.add(code);
        scorecardRows.put(code, "{\"code\":" + str(code) + ",\"period\":" + str(period) + ",\"periodLabel\":" + str(periodLabel)
                + ",\"value\":" + (value == null ? "null" : value.toPlainString()) + ",\"status\":" + str(status) + "}");
        return this;
    }

    public void scorecardMode(Mode mode) {
        scorecardMode = mode;
    }

    public void indicatorMode(Mode mode) {
        indicatorMode = mode;
    }

    public void slowness(Duration d) {
        slowness = d;
    }

    /** Back to answering normally, counters and recorded headers cleared (rows and codes kept). */
    public void reset() {
        scorecardMode = Mode.OK;
        indicatorMode = Mode.OK;
        scorecardCalls.set(0);
        indicatorCalls.set(0);
        scorecardAuthorizations.clear();
        indicatorAuthorizations.clear();
    }

    public int scorecardCalls() {
        return scorecardCalls.get();
    }

    public int indicatorCalls() {
        return indicatorCalls.get();
    }

    public List<String> scorecardAuthorizations() {
        return new ArrayList<>(scorecardAuthorizations);
    }

    public List<String> indicatorAuthorizations() {
        return new ArrayList<>(indicatorAuthorizations);
    }

    private void scorecard(HttpExchange exchange) throws IOException {
        scorecardCalls.incrementAndGet();
        scorecardAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (!"GET".equals(exchange.getRequestMethod()) || !"/api/v1/scorecard".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "application/problem+json", "{\"status\":404}");
            return;
        }
        if (misbehave(exchange, scorecardMode)) {
            return;
        }
        send(exchange, 200, "application/json", "[" + String.join(",", scorecardRows.values()) + "]");
    }

    private void indicator(HttpExchange exchange) throws IOException {
        indicatorCalls.incrementAndGet();
        indicatorAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (misbehave(exchange, indicatorMode)) {
            return;
        }
        String code = exchange.getRequestURI().getPath().substring("/api/v1/indicators/".length());
        if (!"GET".equals(exchange.getRequestMethod()) || !known.contains(code)) {
            send(exchange, 404, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No indicator " + code + "\"}");
            return;
        }
        send(exchange, 200, "application/json", "{\"code\":" + str(code) + ",\"title\":\"Indicator " + code
                + "\",\"unit\":\"PERCENT\",\"polarity\":\"HIGHER_IS_BETTER\"}");
    }

    /** @return true if the answer has been given (or deliberately withheld) */
    private boolean misbehave(HttpExchange exchange, Mode mode) throws IOException {
        switch (mode) {
            case ERROR -> {
                send(exchange, 500, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
                return true;
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowness.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    send(exchange, 200, "application/json", "[]");
                } catch (IOException gone) {
                    // the client gave up long ago
                }
                return true;
            }
            case GARBAGE -> {
                send(exchange, 200, "application/json", "<html><body>Bad gateway</body></html>");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String str(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
