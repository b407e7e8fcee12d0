package uk.org.quadrant.gateway.apidocs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each OpenAPI document comes from: the gateway's own from its classpath, each service's from that
 * service's {@code GET /openapi/<service>.json} (anonymous; the gateway may reach the services, browsers may not).
 * Asked at request time, all services at once, each bounded: the documents change only with a deployment,
 * and a service that does not answer in time is shown as unavailable.
 */
@Singleton
class ApiDocumentSource {

    private static final Duration BOUND = Duration.ofSeconds(2);

    private final Map<ApiDocs, HttpClient> clients = new EnumMap<>(ApiDocs.class);
    private final ResourceResolver resources;

    ApiDocumentSource(@Client(id = "indicators") HttpClient indicators,
                      @Client(id = "audits") HttpClient audits,
                      @Client(id = "actions") HttpClient actions,
                      ResourceResolver resources) {
        clients.put(ApiDocs.INDICATORS, indicators);
        clients.put(ApiDocs.AUDITS, audits);
        clients.put(ApiDocs.ACTIONS, actions);
        this.resources = resources;
    }

    /** Every document, its JSON text or empty when its service did not answer with it. */
    Map<ApiDocs, Optional<String>> all() {
        Map<ApiDocs, Mono<Optional<String>>> started = new EnumMap<>(ApiDocs.class);
        for (ApiDocs docs : ApiDocs.values()) {
            started.put(docs, fetch(docs).cache());
        }
        started.values().forEach(Mono::subscribe);
        Map<ApiDocs, Optional<String>> documents = new EnumMap<>(ApiDocs.class);
        started.forEach((docs, mono) -> documents.put(docs, mono.block()));
        return documents;
    }

    Optional<String> one(ApiDocs docs) {
        return fetch(docs).block();
    }

    private Mono<Optional<String>> fetch(ApiDocs docs) {
        if (docs == ApiDocs.GATEWAY) {
            return Mono.just(Optional.of(own()));
        }
        HttpRequest<?> request = HttpRequest.GET(docs.documentPath()).accept(MediaType.APPLICATION_JSON_TYPE);
        return Mono.from(clients.get(docs).exchange(request, String.class))
                .map(response -> response.getStatus().getCode() == 200 ? response.getBody() : Optional.<String>empty())
                .timeout(BOUND)
                .onErrorReturn(Optional.empty())
                .defaultIfEmpty(Optional.empty());
    }

    private String own() {
        String path = "classpath:META-INF/swagger/" + ApiDocs.GATEWAY.fileName();
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing: micronaut-openapi did not run"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
