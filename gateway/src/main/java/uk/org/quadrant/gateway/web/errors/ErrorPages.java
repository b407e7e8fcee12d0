package uk.org.quadrant.gateway.web.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.problem.Problem;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
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
    private final List<ViewModelProcessor<Map<String, Object>>> layoutModel;

    /**
     * @param layoutModel what every page's layout needs (the signed-in user, the CSRF token for the
     *                    sign-out button): the same processors the views filter applies to every page,
     *                    applied here because an error page is rendered outside that filter
     */
    ErrorPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer,
               List<ViewModelProcessor<Map<String, Object>>> layoutModel) {
        this.renderer = renderer;
        this.layoutModel = layoutModel;
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
        ModelAndView<Map<String, Object>> page = new ModelAndView<>("web/error", model);
        layoutModel.forEach(processor -> processor.process(request, page));
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
