package uk.org.quadrant.gateway;

import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.openapi.RoutesInTheDocument;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway's OpenAPI document (/openapi/gateway.json) lists its JSON routes, each with the security
 * requirement its {@code @Secured} implies, and no page. Pages are routes producing HTML and these, which
 * answer a browser with a download (openapi.properties leaves their packages out of the document):
 */
@MicronautTest
class OpenApiDocumentTest {

    /** Page routes that do not produce HTML: downloads a page links to, and the sign-in form's POSTs (redirects). */
    private static final Set<String> PAGE_PACKAGES_NOT_HTML = Set.of(
            "uk.org.quadrant.gateway.apidocs", "uk.org.quadrant.gateway.report", "uk.org.quadrant.gateway.indicators",
            "uk.org.quadrant.gateway.signin.SignInController");

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
    void everyJsonRouteIsDocumentedWithItsSecurityRequirement() throws Exception {
        RoutesInTheDocument check = new RoutesInTheDocument(router, security, json, OpenApiDocumentTest::isPage);
        JsonNode document = check.fetch(client, "/openapi/gateway.json");

        assertEquals(List.of(), check.differences(document));
        assertEquals(List.of(), RoutesInTheDocument.boundTypesDocumented(document));
    }

    private static boolean isPage(UriRouteInfo<?, ?> route) {
        if (route.getProduces().contains(MediaType.TEXT_HTML_TYPE)) {
            return true;
        }
        String type = route.getTargetMethod().getDeclaringType().getName();
        return PAGE_PACKAGES_NOT_HTML.stream().anyMatch(p -> type.equals(p) || type.startsWith(p + "."));
    }
}
