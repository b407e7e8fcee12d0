package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The Explore Education Statistics public API ({@code quadrant.benchmarks.ees-api.url}, by default
 * {@code https://api.education.gov.uk/statistics}): a data set's summary with its latest version
 * ({@code GET /v1/data-sets/{dataSetId}}) and a version as CSV
 * ({@code GET /v1/data-sets/{dataSetId}/csv?dataSetVersion=}), the same tidy shape as the files
 * downloaded by hand.
 */
@Singleton
public class EesApiClient {

    /** A data set's latest version: its number ("2.0") and when it was published. */
    public record LatestVersion(String version, String published) {
    }

    /** The API could not be reached or answered something else than the published shapes. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final String base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    EesApiClient(@Value("${quadrant.benchmarks.ees-api.url:`https://api.education.gov.uk/statistics`}") String base, JsonMapper json) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.json = json;
    }

    public LatestVersion latest(String dataSetId) {
        String body = get("/v1/data-sets/" + enc(dataSetId), "application/json");
        try {
            Map<String, Object> dataSet = json.readValue(body, Argument.mapOf(String.class, Object.class));
            if (dataSet.get("latestVersion") instanceof Map<?, ?> latest && latest.get("version") instanceof String version
                    && version.matches("[0-9][0-9.]{0,31}")) {
                return new LatestVersion(version, latest.get("published") instanceof String p && p.length() <= 40 ? p : null);
            }
        } catch (IOException e) {
            throw new Unavailable("data set " + dataSetId + ": the answer is not JSON");
        }
        throw new Unavailable("data set " + dataSetId + ": no latestVersion.version in the answer");
    }

    public String csv(String dataSetId, String version) {
        return get("/v1/data-sets/" + enc(dataSetId) + "/csv?dataSetVersion=" + enc(version), "text/csv");
    }

    private String get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", accept)
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Unavailable("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Unavailable("GET " + path + ": no answer in time");
        } catch (java.net.ConnectException e) {
            throw new Unavailable("GET " + path + ": could not connect");
        } catch (IOException e) {
            throw new Unavailable("GET " + path + ": the connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("GET " + path + ": interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
