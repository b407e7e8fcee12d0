package uk.org.quadrant.common.openapi;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenAPI document a module serves (written at compile time by micronaut-openapi) lists every API
 * route the router knows, with its method, path template and the security requirement its
 * {@code @Secured} implies, and nothing else; no type bound from the token or the request shows as a
 * parameter. Management endpoints are left out ({@link RoutesInTheDocument}).
 *
 * <p>Each module runs it through a small subclass annotated {@code @MicronautTest}.
 */
public abstract class OpenApiDocumentContract {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected Router router;

    @Inject
    protected SecurityConfiguration security;

    @Inject
    protected JsonMapper json;

    /** Where this module serves its document, e.g. {@code /openapi/actions-service.json}. */
    protected abstract String documentPath();

    /** Routes that are not part of the API (a module's pages); none in a service. */
    protected boolean notApi(UriRouteInfo<?, ?> route) {
        return false;
    }

    @Test
    void everyApiRouteIsDocumentedWithItsSecurityRequirement() throws Exception {
        RoutesInTheDocument check = new RoutesInTheDocument(router, security, json, this::notApi);
        JsonNode document = check.fetch(client, documentPath());

        assertEquals(List.of(), check.differences(document));
        assertEquals(List.of(), RoutesInTheDocument.boundTypesDocumented(document),
                "types bound from the token or the request are not parameters a client sends");
    }
}
