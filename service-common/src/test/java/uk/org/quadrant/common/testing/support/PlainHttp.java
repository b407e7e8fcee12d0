package uk.org.quadrant.common.testing.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A plain HTTP client (the JDK's) for the isolation-matrix and hostile-input engines: it sends the path and
 * body exactly as given, never follows redirects, and gives each request a time limit.
 *
 * <p>{@link #send} is for JSON: an object is written as JSON, a string is sent as it is, and a write without
 * a body sends {@code {}}; each with {@code application/json} unless another type is named.
 * {@link #sendBytes} sends the bytes and the content type as given, none when none is given.
 */
public final class PlainHttp {

    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final JsonMapper json;
    private final Duration timeout;

    /**
     * @param base    the server's URL, to which each path is appended as it is
     * @param timeout how long one request may take before the test fails
     */
    public PlainHttp(String base, JsonMapper json, Duration timeout) {
        this.base = base;
        this.json = json;
        this.timeout = timeout;
    }

    public record Res(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    public Res send(String method, String path, String token, Object body, String contentType) {
        if (body == null) {
            return BODILESS.contains(method)
                    ? sendBytes(method, path, token, null, null)
                    : sendBytes(method, path, token, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        }
        String text = body instanceof String s ? s : write(body);
        String type = body instanceof String && contentType != null ? contentType : "application/json";
        return sendBytes(method, path, token, text.getBytes(StandardCharsets.UTF_8), type);
    }

    public Res sendBytes(String method, String path, String token, byte[] body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Accept", "application/json, application/problem+json, text/csv, */*;q=0.1");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpResponse<String> r = client.send(b.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends JSON and insists on a 2xx; for seeding. Returns the answer's object, or an empty map. */
    public Map<String, Object> ok(String method, String path, String token, Object body) {
        Res res = send(method, path, token, body, null);
        if (res.status() < 200 || res.status() > 299) {
            throw new AssertionError("seeding: " + method + " " + path + " -> " + res);
        }
        return res.body().isBlank() || !res.body().trim().startsWith("{") ? Map.of() : map(res.body());
    }

    public Map<String, Object> map(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(body.length() > 300 ? body.substring(0, 300) : body, e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
