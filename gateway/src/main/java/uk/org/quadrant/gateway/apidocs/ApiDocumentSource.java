package uk.org.quadrant.gateway.apidocs;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where each OpenAPI document comes from: the gateway's own from its classpath (read once, at start-up),
 * each service's from that service's {@code GET /openapi/<service>.json} through its typed client and the
 * one call policy (bounded, breaker, one retry for a read that could not connect, {@code Server-Timing}),
 * all services at once. A service that does not answer is shown as unavailable.
 */
@Singleton
class ApiDocumentSource {

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final AuditsClient audits;
    private final ActionsClient actions;
    private final String own;

    ApiDocumentSource(Downstream downstream, IndicatorsClient indicators, AuditsClient audits, ActionsClient actions,
                      ResourceResolver resources) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.audits = audits;
        this.actions = actions;
        this.own = own(resources);
    }

    /** Every document, its JSON text or empty when its service did not answer with it. */
    Map<ApiDocs, Optional<String>> all(HttpRequest<?> request) {
        Calls calls = downstream.forRequest(request);
        Map<ApiDocs, CompletableFuture<Reply<String>>> started = new EnumMap<>(ApiDocs.class);
        for (ApiDocs docs : ApiDocs.values()) {
            if (docs != ApiDocs.GATEWAY) {
                started.put(docs, start(calls, docs));
            }
        }
        Map<ApiDocs, Optional<String>> documents = new EnumMap<>(ApiDocs.class);
        documents.put(ApiDocs.GATEWAY, Optional.of(own));
        started.forEach((docs, call) -> documents.put(docs, answer(call)));
        return documents;
    }

    Optional<String> one(HttpRequest<?> request, ApiDocs docs) {
        return docs == ApiDocs.GATEWAY ? Optional.of(own) : answer(start(downstream.forRequest(request), docs));
    }

    private CompletableFuture<Reply<String>> start(Calls calls, ApiDocs docs) {
        return switch (docs) {
            case INDICATORS -> calls.read(Service.INDICATORS, indicators::openApiDocument);
            case AUDITS -> calls.read(Service.AUDITS, audits::openApiDocument);
            case ACTIONS -> calls.read(Service.ACTIONS, actions::openApiDocument);
            case GATEWAY -> throw new IllegalArgumentException("the gateway's document is its own");
        };
    }

    private static Optional<String> answer(CompletableFuture<Reply<String>> call) {
        try {
            Reply<String> reply = call.join();
            return reply.ok() ? Optional.ofNullable(reply.body()) : Optional.empty();
        } catch (CompletionException | DownstreamUnavailableException e) {
            return Optional.empty();
        }
    }

    private static String own(ResourceResolver resources) {
        String path = "classpath:META-INF/swagger/" + ApiDocs.GATEWAY.fileName();
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing: micronaut-openapi did not run"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
