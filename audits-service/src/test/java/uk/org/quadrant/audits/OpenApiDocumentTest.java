package uk.org.quadrant.audits;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.openapi.RoutesInTheDocument;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenAPI document this service serves at /openapi/audits-service.json (written at compile time by micronaut-openapi) lists
 * every API route the router knows, with its method, path template and the security requirement its
 * {@code @Secured} implies, and nothing else. Management endpoints are left out (RoutesInTheDocument).
 */
@MicronautTest
class OpenApiDocumentTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    SecurityConfiguration security;

    @Inject
    JsonMapper json;

    @Test
    void everyRouteIsDocumentedWithItsSecurityRequirement() throws Exception {
        RoutesInTheDocument check = new RoutesInTheDocument(router, security, json, route -> false);
        JsonNode document = check.fetch(client, "/openapi/audits-service.json");

        assertEquals(List.of(), check.differences(document));
        assertEquals(List.of(), RoutesInTheDocument.boundTypesDocumented(document),
                "types bound from the token or the request are not parameters a client sends");
    }
}
