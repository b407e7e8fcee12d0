package uk.org.quadrant.gateway.admin;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A service stand-in on loopback that records every request (method, path, JSON body, bearer token). */
final class StubService {

    record Received(String method, String path, String body, String authorization) {
    }

    record Answer(int status, String json) {
    }

    interface Responder {
        Answer answer(String method, String path, String body);
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubService(Responder responder) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(method, path, body, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            Answer answer = responder.answer(method, path, body);
            if (answer.json() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                exchange.close();
                return;
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

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    Received last(String method) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).method().equals(method)) {
                return received.get(i);
            }
        }
        throw new AssertionError("No " + method + " received: " + received);
    }

    static Answer ok(String json) {
        return new Answer(200, json);
    }

    static Answer problem(int status, String detail, String field, String message) {
        String errors = field == null ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
        return new Answer(status, "{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":" + errors + "}");
    }
}
