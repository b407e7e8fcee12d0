package uk.org.quadrant.actions.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Small HTTP helper for API tests: any status comes back as a {@link Reply}, never as an exception. */
public final class Api {

    private final HttpClient http;
    private final JsonMapper json;

    public Api(HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Status, body text and content type of one exchange. */
    public record Reply(int status, String body, String contentType, JsonMapper json) {

        public Map<String, Object> map() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object (" + status + "): " + body, e);
            }
        }

        public List<Map<String, Object>> list() {
            try {
                return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON array (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.GET(path), token);
    }

    public Reply post(String path, Object body, String token) {
        return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    public Reply send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> r = http.toBlocking().exchange(request, String.class);
            return new Reply(r.code(), r.body() == null ? "" : r.body(), r.getContentType().map(Object::toString).orElse(""), json);
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(String.class).orElse(""),
                    e.getResponse().getContentType().map(Object::toString).orElse(""), json);
        }
    }
}
