package uk.org.quadrant.gateway.web.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;

/**
 * Security headers on every response. Pages load scripts, styles and images only from the gateway
 * itself (no inline script or style, so templates must not use {@code style=} or inline
 * {@code <script>}), may not be framed, and pages shown to a signed-in user are never cached.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        boolean html = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (html) {
            response.header("Content-Security-Policy", CSP);
            response.header("X-Frame-Options", "DENY");
        }
        boolean signedIn = request.getUserPrincipal(Authentication.class).isPresent();
        boolean staticAsset = request.getPath().startsWith("/govuk/") || request.getPath().startsWith("/assets/")
                || request.getPath().startsWith("/static/");
        if ((signedIn || html) && !staticAsset && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
