package uk.org.quadrant.common.openapi;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The check behind each module's {@code OpenApiDocumentTest}: the OpenAPI document a module serves (fetched
 * anonymously, as the gateway and API users fetch it) lists exactly the API routes its router knows, each with the
 * method and path template of the route and the security requirement its access rule implies.
 *
 * <p>A route's rule is its {@code @Secured} (method, else class), else the first matching
 * {@code micronaut.security.intercept-url-map} entry; a route with neither fails the check, since the document
 * cannot say the truth about it. {@code isAnonymous()} means no requirement; otherwise the requirement is the
 * bearer scheme, listing the roles {@code @Secured} names (none for {@code isAuthenticated()}).
 *
 * <p>HEAD routes are not compared: Micronaut adds one beside every GET, and the document describes the GET.
 * Not API routes, so not in the document (the module passes what it leaves out): management endpoints
 * (health, prometheus: served on the management port in Kubernetes), and whatever {@code notApi} names (the
 * gateway's HTML pages). Static resources ({@code /openapi/**} itself, the gateway's assets) are not router routes.
 */
public final class RoutesInTheDocument {

    /** The scheme every service's {@code Application} declares. */
    public static final String BEARER = "bearer";
    private static final String ENDPOINT = "io.micronaut.management.endpoint.annotation.Endpoint";

    private final Router router;
    private final SecurityConfiguration security;
    private final JsonMapper json;
    private final Predicate<UriRouteInfo<?, ?>> notApi;

    public RoutesInTheDocument(Router router, SecurityConfiguration security, JsonMapper json,
                               Predicate<UriRouteInfo<?, ?>> notApi) {
        this.router = router;
        this.security = security;
        this.json = json;
        this.notApi = notApi;
    }

    /** What the router serves as API: "GET /api/v1/x/{id}" → the security requirement expected in the document. */
    public Map<String, Expected> routes() {
        Map<String, Expected> routes = new TreeMap<>();
        router.uriRoutes()
                .filter(r -> !isManagementEndpoint(r))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .filter(notApi.negate())
                .forEach(r -> routes.put(key(r.getHttpMethod().name(), template(r)), expected(r)));
        return routes;
    }

    /** The document's operations: "GET /api/v1/x/{id}" → its security requirement as served. */
    public Map<String, Expected> documented(JsonNode document) {
        Map<String, Expected> operations = new TreeMap<>();
        JsonNode paths = document.get("paths");
        for (Map.Entry<String, JsonNode> path : paths.entries()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().entries()) {
                if (!isHttpMethod(operation.getKey())) {
                    continue;
                }
                operations.put(key(operation.getKey(), path.getKey()), requirement(operation.getValue().get("security")));
            }
        }
        return operations;
    }

    /** What differs between the routes and the document, one line each; empty when the document tells the truth. */
    public List<String> differences(JsonNode document) {
        Map<String, Expected> routes = routes();
        Map<String, Expected> documented = documented(document);
        List<String> differences = new ArrayList<>();
        routes.forEach((route, expected) -> {
            Expected actual = documented.get(route);
            if (actual == null) {
                differences.add(route + ": a route, missing from the document");
            } else if (!actual.equals(expected)) {
                differences.add(route + ": " + expected + " by its access rule, " + actual + " in the document");
            }
        });
        documented.keySet().stream().filter(operation -> !routes.containsKey(operation))
                .forEach(operation -> differences.add(operation + ": in the document, not an API route"));
        if (routes.isEmpty()) {
            differences.add("the router knows no API route at all");
        }
        if (document.get("security") != null) {
            differences.add("a global security requirement: anonymous operations would inherit it");
        }
        return differences;
    }

    /** The document as served at {@code path}, without a token. */
    public JsonNode fetch(HttpClient client, String path) throws IOException {
        String body = client.toBlocking().retrieve(HttpRequest.GET(path).accept(MediaType.APPLICATION_JSON_TYPE));
        return json.readValue(body, JsonNode.class);
    }

    /** Types bound from the token or the request, never parameters a client sends: must not appear as schemas. */
    public static List<String> boundTypesDocumented(JsonNode document) {
        List<String> found = new ArrayList<>();
        JsonNode schemas = Optional.ofNullable(document.get("components")).map(c -> c.get("schemas")).orElse(null);
        if (schemas != null) {
            for (Map.Entry<String, JsonNode> schema : schemas.entries()) {
                if (Set.of("Caller", "Authentication", "HttpRequest").contains(schema.getKey())) {
                    found.add(schema.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> path : document.get("paths").entries()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().entries()) {
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters != null && parameters.isArray()) {
                    for (JsonNode parameter : parameters.values()) {
                        String name = parameter.get("name").getStringValue().toLowerCase(Locale.ROOT);
                        if (Set.of("caller", "authentication", "request", "http").contains(name)) {
                            found.add(operation.getKey() + " " + path.getKey() + " parameter " + name);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The security requirement of one operation: none (anonymous), or the bearer scheme with these roles. */
    public record Expected(boolean anonymous, Set<String> roles) {
        static final Expected ANONYMOUS = new Expected(true, Set.of());

        @Override
        public String toString() {
            return anonymous ? "anonymous" : BEARER + roles;
        }
    }

    private Expected expected(UriRouteInfo<?, ?> route) {
        AnnotationMetadata metadata = route.getTargetMethod().getAnnotationMetadata();
        List<String> access = List.of(metadata.stringValues(Secured.class));
        if (access.isEmpty()) {
            access = fromInterceptUrlMap(route).orElseThrow(() -> new AssertionError(route.getHttpMethod() + " "
                    + template(route) + " has no @Secured and no intercept-url-map entry: its access (and so its "
                    + "security requirement in the OpenAPI document) is undefined"));
        }
        if (access.contains(SecurityRule.IS_ANONYMOUS)) {
            return Expected.ANONYMOUS;
        }
        Set<String> roles = new TreeSet<>(access);
        roles.remove(SecurityRule.IS_AUTHENTICATED);
        return new Expected(false, roles);
    }

    private Optional<List<String>> fromInterceptUrlMap(UriRouteInfo<?, ?> route) {
        String path = template(route).replaceAll("\\{[^}]*}", "x");
        for (InterceptUrlMapPattern pattern : security.getInterceptUrlMap()) {
            boolean method = pattern.getHttpMethod() == null || pattern.getHttpMethod() == route.getHttpMethod();
            if (method && PathMatcher.ANT.matches(pattern.getPattern(), path)) {
                return Optional.of(pattern.getAccess());
            }
        }
        return Optional.empty();
    }

    private static Expected requirement(JsonNode security) {
        if (security == null || !security.isArray() || security.size() == 0) {
            return Expected.ANONYMOUS;
        }
        Set<String> schemes = new HashSet<>();
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : security.values()) {
            for (Map.Entry<String, JsonNode> scheme : requirement.entries()) {
                schemes.add(scheme.getKey());
                scheme.getValue().values().forEach(role -> roles.add(role.getStringValue()));
            }
        }
        if (!schemes.equals(Set.of(BEARER))) {
            throw new AssertionError("unexpected security schemes " + schemes + " (only '" + BEARER + "' is declared)");
        }
        return new Expected(false, roles);
    }

    private static boolean isManagementEndpoint(UriRouteInfo<?, ?> route) {
        return route.getTargetMethod().getAnnotationMetadata().hasStereotype(ENDPOINT)
                || route.getTargetMethod().getDeclaringType().getName().startsWith("io.micronaut.management.");
    }

    /** The route's path template as OpenAPI writes it: {@code /api/v1/x/{id}}, no regex or query part. */
    private static String template(UriRouteInfo<?, ?> route) {
        String path = route.getUriMatchTemplate().toPathString();
        return path.replaceAll("\\{([^}:?/]+)(:[^}]*)?}", "{$1}");
    }

    private static boolean isHttpMethod(String name) {
        try {
            return HttpMethod.valueOf(name.toUpperCase(Locale.ROOT)) != HttpMethod.CUSTOM;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
