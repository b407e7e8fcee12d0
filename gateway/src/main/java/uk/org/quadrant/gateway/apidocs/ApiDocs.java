package uk.org.quadrant.gateway.apidocs;

import java.util.Locale;
import java.util.Optional;

/** The four documented APIs: the gateway's own routes and the three services' (reached through the gateway). */
enum ApiDocs {
    GATEWAY("gateway"),
    INDICATORS("indicators-service"),
    AUDITS("audits-service"),
    ACTIONS("actions-service");

    private final String name;

    ApiDocs(String name) {
        this.name = name;
    }

    /** The application name: the document's file name and the page's path segment ({@code /api-docs/audits-service}). */
    String id() {
        return name;
    }

    String fileName() {
        return name + ".json";
    }

    /** Where the application serves its document. */
    String documentPath() {
        return "/openapi/" + fileName();
    }

    /**
     * A documented path as an API client calls it through the gateway: a service's {@code /api/v1/x} is the
     * gateway's {@code /api/<service>/v1/x} (passthrough.ApiPassThroughFilter); the gateway's own paths are as they are.
     */
    String throughTheGateway(String path) {
        if (this == GATEWAY || !path.startsWith("/api/v1/")) {
            return path;
        }
        return "/api/" + name().toLowerCase(Locale.ROOT) + path.substring("/api".length());
    }

    static Optional<ApiDocs> fromId(String id) {
        for (ApiDocs docs : values()) {
            if (docs.name.equals(id)) {
                return Optional.of(docs);
            }
        }
        return Optional.empty();
    }
}
