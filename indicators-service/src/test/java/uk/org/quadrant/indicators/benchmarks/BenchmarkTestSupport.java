package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;
import uk.org.quadrant.common.testing.api.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Uploads and reads for the benchmark tests, over real HTTP. */
final class BenchmarkTestSupport {

    static final String IMPORT = "/api/v1/benchmarks/import";

    private final HttpClient client;
    private final JsonMapper json;

    BenchmarkTestSupport(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    record Res(int status, String body, Map<String, Object> map) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) map.get(key);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> obj(String key) {
            return (Map<String, Object>) map.get(key);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 3000 ? body.substring(0, 3000) + "…" : body);
        }
    }

    /** POSTs an EES CSV to the import with the query (filters and all, URL-encoded here). */
    Res upload(String token, String query, String csv) {
        MutableHttpRequest<String> request = HttpRequest.POST(IMPORT + "?" + query, csv).contentType(MediaType.of("text/csv"));
        return send(request, token);
    }

    static String query(String indicator, String measure, String filter, boolean dryRun) {
        return "format=ees&indicator=" + Api.enc(indicator) + (measure == null ? "" : "&measure=" + Api.enc(measure))
                + (filter == null ? "" : "&filter=" + Api.enc(filter)) + "&dryRun=" + dryRun;
    }

    Res get(String token, String path) {
        return send(HttpRequest.GET(path), token);
    }

    Res put(String token, String path, Object body) {
        return send(HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    private Res send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        String body;
        int status;
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            status = response.code();
            body = response.getBody(String.class).orElse("");
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            try {
                map = json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Res(status, body, map);
    }
}
