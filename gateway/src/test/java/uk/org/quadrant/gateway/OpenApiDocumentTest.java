package uk.org.quadrant.gateway;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.UriRouteInfo;
import uk.org.quadrant.common.openapi.OpenApiDocumentContract;

import java.util.Set;

/**
 * The gateway's OpenAPI document (/openapi/gateway.json) lists its JSON routes, each with the security
 * requirement its {@code @Secured} implies, and no page. Pages are routes producing HTML and these, which
 * answer a browser with a download (openapi.properties leaves their packages out of the document):
 */
@MicronautTest
class OpenApiDocumentTest extends OpenApiDocumentContract {

    /** Page routes that do not produce HTML: downloads a page links to, and the sign-in form's POSTs (redirects). */
    private static final Set<String> PAGE_PACKAGES_NOT_HTML = Set.of(
            "uk.org.quadrant.gateway.apidocs", "uk.org.quadrant.gateway.report", "uk.org.quadrant.gateway.benchmarks", "uk.org.quadrant.gateway.indicators",
            "uk.org.quadrant.gateway.identity.signin.SignInController");

    @Override
    protected String documentPath() {
        return "/openapi/gateway.json";
    }

    @Override
    protected boolean notApi(UriRouteInfo<?, ?> route) {
        if (route.getProduces().contains(MediaType.TEXT_HTML_TYPE)) {
            return true;
        }
        String type = route.getTargetMethod().getDeclaringType().getName();
        return PAGE_PACKAGES_NOT_HTML.stream().anyMatch(p -> type.equals(p) || type.startsWith(p + "."));
    }
}
