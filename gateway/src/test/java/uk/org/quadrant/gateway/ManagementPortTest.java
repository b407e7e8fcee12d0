package uk.org.quadrant.gateway;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With QUADRANT_MANAGEMENT_PORT set (as the Kubernetes manifests do), health and metrics are served on
 * that port only: the main port, the one the Ingress routes, answers neither (issue 14, 8). The port
 * is a free one picked per run, so contexts in one JVM never collide.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements TestPropertyProvider {

    private final int managementPort = freePort();
    private HttpClient management;

    @Inject
    @Client("/")
    HttpClient main;

    @Override
    public Map<String, String> getProperties() {
        // As the manifests set it: the variable application.yml maps to endpoints.all.port.
        return Map.of("QUADRANT_MANAGEMENT_PORT", String.valueOf(managementPort));
    }

    @AfterAll
    void closeClient() {
        if (management != null) {
            management.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/readiness", "/health/liveness", "/prometheus"})
    void theMainPortServesNoManagementEndpoint(String path) {
        HttpResponse<String> response = exchange(main, path);
        assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), path + " is still served on the main port");
        String body = response.getBody(String.class).orElse("");
        assertFalse(body.contains("\"UP\"") || body.contains("jvm_"), path + " answered on the main port: " + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/readiness", "/health/liveness"})
    void theManagementPortServesHealthWithTheStatusOnly(String path) {
        Map<String, Object> body = management().toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", body.get("status"), path + ": " + body);
        assertTrue(body.entrySet().stream().allMatch(e -> e.getKey().equals("status") || e.getValue() == null),
                path + " must show the status only, not " + body);
    }

    @Test
    void theManagementPortServesPrometheusMetricsWithoutAToken() {
        HttpResponse<String> response = exchange(management(), "/prometheus");
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(response.getBody(String.class).orElse("").contains("jvm_memory_used_bytes"));
    }

    @Test
    void theManagementPortServesNothingButManagement() {
        HttpResponse<String> response = exchange(management(), "/api/v1/auth/token");
        assertNotEquals(HttpStatus.OK, response.getStatus());
        assertNotEquals(HttpStatus.OK, exchange(management(), "/.well-known/jwks.json").getStatus(),
                "the JWKS belongs to the main port");
    }

    private HttpClient management() {
        if (management == null) {
            try {
                management = HttpClient.create(new URL("http://127.0.0.1:" + managementPort));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return management;
    }

    private static HttpResponse<String> exchange(HttpClient client, String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path), String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
