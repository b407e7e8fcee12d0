package uk.org.quadrant.common.testing.management;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The health endpoints answer anyone who reaches the port (the kubelet's probes carry no token), so
 * they say UP or DOWN and nothing else: no database product, disk or component names (issue 14, 8).
 *
 * <p>Every module runs it through a one-line subclass annotated {@code @MicronautTest} (JUnit runs the
 * tests of the module's own classes, not those of this jar).
 */
public abstract class ManagementEndpointsContract {

    @Inject
    @Client("/")
    protected HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/readiness", "/health/liveness"})
    void anonymousHealthShowsOnlyTheStatus(String path) {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", body.get("status"), path + ": " + body);
        Set<String> shown = body.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertEquals(Set.of("status"), shown, path + " must show the status only, not " + body);
    }
}
