package uk.org.quadrant.gateway.clients.passthrough;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import uk.org.quadrant.gateway.clients.Service;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/{service}/v1/**} → that service's {@code /api/v1/**}, so API clients reach every
 * service through the gateway and nothing else needs to be exposed. Only the caller's bearer token
 * and the content headers are passed on (never the browser's cookies); the service applies its own
 * agency rules to the token. Paths that try to step out ({@code ..}, {@code //}, encoded slashes
 * or dots) are refused as not found. Nothing is retried: the client decides whether to repeat a write.
 */
@Filter("/api/*/v1/**")
class ApiPassThroughFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPassThroughFilter.class);
    private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.AUTHORIZATION, "If-Match");

    private final Map<Service, ProxyHttpClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, URI> urls = new EnumMap<>(Service.class);

    ApiPassThroughFilter(@Client(id = "indicators") ProxyHttpClient indicators,
                         @Client(id = "audits") ProxyHttpClient audits,
                         @Client(id = "actions") ProxyHttpClient actions,
                         @Value("${micronaut.http.services.indicators.url}") URI indicatorsUrl,
                         @Value("${micronaut.http.services.audits.url}") URI auditsUrl,
                         @Value("${micronaut.http.services.actions.url}") URI actionsUrl) {
        clients.put(Service.INDICATORS, indicators);
        clients.put(Service.AUDITS, audits);
        clients.put(Service.ACTIONS, actions);
        urls.put(Service.INDICATORS, indicatorsUrl);
        urls.put(Service.AUDITS, auditsUrl);
        urls.put(Service.ACTIONS, actionsUrl);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String raw = request.getUri().getRawPath();
        Optional<Target> target = Target.parse(raw);
        if (target.isEmpty()) {
            return Publishers.just(new HttpStatusException(HttpStatus.NOT_FOUND, "Not found"));
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Publishers.just(new HttpStatusException(HttpStatus.UNAUTHORIZED,
                    "The API needs a bearer token: POST /api/v1/auth/token first."));
        }
        Service service = target.get().service();
        URI base = urls.get(service);
        String query = request.getUri().getRawQuery();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + target.get().path() + (query == null ? "" : "?" + query));
        MutableHttpRequest<?> forward = request.mutate().uri(uri);
        for (String name : List.copyOf(forward.getHeaders().names())) {
            if (PASSED_HEADERS.stream().noneMatch(p -> p.equalsIgnoreCase(name))
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
                forward.getHeaders().remove(name);
            }
        }
        return Mono.from(clients.get(service).proxy(forward))
                .onErrorResume(e -> {
                    LOG.warn("pass-through to {} failed: {}", service.displayName(), e.toString());
                    return Mono.error(new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            service.displayName() + " is not answering at the moment. Try again in a minute."));
                });
    }

    /** The service and its own path for a pass-through path, if it is one. */
    record Target(Service service, String path) {

        static Optional<Target> parse(String rawPath) {
            String lower = rawPath.toLowerCase(Locale.ROOT);
            if (rawPath.contains("//") || rawPath.contains("/../") || rawPath.endsWith("/..") || rawPath.contains("/./")
                    || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("\\")) {
                return Optional.empty();
            }
            String[] parts = rawPath.split("/", 5);
            // "", "api", service, "v1", rest
            if (parts.length < 5 || !parts[1].equals("api") || !parts[3].equals("v1") || parts[4].isEmpty()) {
                return Optional.empty();
            }
            return Service.fromId(parts[2]).map(s -> new Target(s, "/api/v1/" + parts[4]));
        }
    }
}
