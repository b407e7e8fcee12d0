package uk.org.quadrant.gateway.web.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.gateway.identity.csrf.CsrfTokenModelProcessor;
import uk.org.quadrant.gateway.identity.signin.CurrentUser;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Renders the GOV.UK-style error page ("Page not found", "There is a problem with the service"). */
@Singleton
class ErrorPages {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorPages.class);

    private static String escape(Object text) {
        return text == null ? "" : text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    ErrorPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    static boolean wantsHtml(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML) && !request.getPath().startsWith("/api/");
    }

    String render(HttpRequest<?> request, Problem problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", problem.status());
        model.put("heading", switch (problem.status()) {
            case 403 -> "You cannot do that";
            case 404 -> "Page not found";
            case 405 -> "Page not found";
            default -> problem.status() >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
        });
        model.put("detail", problem.detail());
        request.getUserPrincipal(Authentication.class).ifPresent(a -> model.put("currentUser", CurrentUser.of(a)));
        String csrf = CsrfTokenModelProcessor.tokenOf(request);
        if (csrf != null) {
            model.put("csrfToken", csrf);
        }
        StringWriter out = new StringWriter();
        try {
            renderer.render("web/error", model, request).writeTo(out);
        } catch (IOException | RuntimeException e) {
            // The error page itself failed: answer with a bare page rather than leave the request hanging.
            LOG.error("The error page could not be rendered for {} {}", problem.status(), request.getPath(), e);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(model.get("heading"))
                    + " – Quadrant</title></head><body><main><h1>" + escape(model.get("heading")) + "</h1><p>"
                    + escape(problem.detail()) + "</p><p><a href=\"/\">Go to the start page</a></p></main></body></html>";
        }
        return out.toString();
    }
}
