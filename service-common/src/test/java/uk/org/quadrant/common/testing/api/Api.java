package uk.org.quadrant.common.testing.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small black-box HTTP client for the API tests: sends a request with an optional bearer token
 * and returns status, content type and body whatever the status.
 */
public final class Api {

    private final HttpClient client;
    private final JsonMapper json;

    public Api(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** One response: status code, content type (may be empty) and body text (may be empty). */
    public final class Res {
        public final int status;
        public final String contentType;
        public final String body;
        public final String request;

        Res(int status, String contentType, String body, String request) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.request = request;
        }

        public Map<String, Object> map() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + body, e);
            }
        }

        public List<Map<String, Object>> list() {
            try {
                return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON array: " + body, e);
            }
        }

        /** Asserts the status and returns this response. */
        public Res expect(int expected) {
            assertEquals(expected, status, () -> request + " -> " + status + " " + body);
            return this;
        }

        /** Asserts a 400 problem+json naming the field in {@code errors}. */
        public Res expectFieldError(String field) {
            expect(400);
            assertTrue(contentType.startsWith("application/problem+json"), () -> request + ": content type " + contentType);
            List<String> fields = fieldsInError();
            assertTrue(fields.contains(field), () -> request + ": expected an error on '" + field + "', got " + body);
            return this;
        }

        @SuppressWarnings("unchecked")
        public List<String> fieldsInError() {
            Object errors = map().get("errors");
            if (!(errors instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().map(e -> String.valueOf(((Map<String, Object>) e).get("field"))).toList();
        }

        public Object get(String key) {
            return map().get(key);
        }

        public long version() {
            return ((Number) map().get("version")).longValue();
        }

        public long id() {
            return ((Number) map().get("id")).longValue();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> obj(String key) {
            return (Map<String, Object>) map().get(key);
        }

        /** Asserts a 400 problem+json whose error on the field mentions the text. */
        @SuppressWarnings("unchecked")
        public Res expectFieldError(String field, String messageContains) {
            expectFieldError(field);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) map().get("errors");
            assertTrue(errors.stream().anyMatch(e -> field.equals(e.get("field"))
                            && String.valueOf(e.get("message")).contains(messageContains)),
                    () -> request + ": expected the error on '" + field + "' to mention '" + messageContains + "', got " + body);
            return this;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }

    public Res get(String token, String uri) {
        return send(HttpRequest.GET(uri), token);
    }

    public Res put(String token, String uri, Object body) {
        return send(body == null ? HttpRequest.create(HttpMethod.PUT, uri) : HttpRequest.PUT(uri, body), token);
    }

    public Res post(String token, String uri, Object body) {
        return send(body == null ? HttpRequest.create(HttpMethod.POST, uri) : HttpRequest.POST(uri, body), token);
    }

    public Res delete(String token, String uri) {
        return send(HttpRequest.DELETE(uri), token);
    }

    public Res send(String method, String uri, Object body, String token) {
        return switch (method) {
            case "GET" -> get(token, uri);
            case "PUT" -> put(token, uri, body);
            case "POST" -> post(token, uri, body);
            case "DELETE" -> delete(token, uri);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** A raw (possibly malformed) JSON body. */
    public Res raw(String method, String token, String uri, String body) {
        MutableHttpRequest<String> request = switch (method) {
            case "PUT" -> HttpRequest.PUT(uri, body);
            case "POST" -> HttpRequest.POST(uri, body);
            default -> throw new IllegalArgumentException(method);
        };
        return send(request.contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    private Res send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        if (request.getBody().isPresent() && request.getContentType().isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        request.accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
        String label = request.getMethodName() + " " + request.getUri();
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Res(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    response.getBody(String.class).orElse(""), label);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            return new Res(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    response.getBody(String.class).orElse(""), label);
        }
    }

    // ---- request bodies -------------------------------------------------------------------

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- numbers ---------------------------------------------------------------------------

    public static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    /** Numeric equality regardless of scale or JSON number type ({@code 730} vs {@code 730.0}). */
    public static void assertNumber(String expected, Object actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return;
        }
        if (actual == null) {
            fail(what + ": expected " + expected + " but was null");
        }
        assertEquals(0, new BigDecimal(expected).compareTo(dec(actual)), () -> what + ": expected " + expected + " but was " + actual);
    }

    /** A JSON object of numbers as name -> int, keeping its order. */
    public static Map<String, Integer> ints(Object jsonObject) {
        Map<String, Integer> out = new LinkedHashMap<>();
        ((Map<?, ?>) jsonObject).forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : ((Number) v).intValue()));
        return out;
    }

    public static Map<String, Object> find(List<Map<String, Object>> rows, String key, Object value) {
        return rows.stream().filter(r -> Objects.equals(String.valueOf(r.get(key)), String.valueOf(value))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + "=" + value + " in " + rows));
    }

    public static boolean contains(List<Map<String, Object>> rows, String key, Object value) {
        return rows.stream().anyMatch(r -> Objects.equals(String.valueOf(r.get(key)), String.valueOf(value)));
    }
}
