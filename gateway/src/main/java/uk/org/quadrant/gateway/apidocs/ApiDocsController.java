package uk.org.quadrant.gateway.apidocs;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API documentation for people writing API clients: {@code /api-docs} lists the gateway's and the services' APIs,
 * {@code /api-docs/<api>} shows one (its operations by tag, with the path to call through the gateway, parameters,
 * bodies, responses and whether a token, and which role, is needed), {@code /api-docs/<api>/openapi.json} hands
 * out the OpenAPI document itself (browsers cannot reach the services). Rendered on the server, no script.
 */
@Controller("/api-docs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiDocsController {

    private final ApiDocumentSource documents;
    private final ApiReference reference;

    ApiDocsController(ApiDocumentSource documents, ApiReference reference) {
        this.documents = documents;
        this.reference = reference;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("apidocs/index")
    Map<String, Object> index(HttpRequest<?> request) {
        List<ApiReference.ApiPage> apis = documents.all(request).entrySet().stream()
                .map(e -> reference.page(e.getKey(), e.getValue()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("apis", apis);
        return model;
    }

    @Get(value = "/{api}", produces = MediaType.TEXT_HTML)
    @View("apidocs/api")
    Map<String, Object> api(HttpRequest<?> request, @PathVariable String api) {
        ApiDocs docs = known(api);
        Map<String, Object> model = new HashMap<>();
        model.put("api", reference.page(docs, documents.one(request, docs)));
        return model;
    }

    @Get(value = "/{api}/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> document(HttpRequest<?> request, @PathVariable String api) {
        Optional<String> document = documents.one(request, known(api));
        return document.map(HttpResponse::ok)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        api + " is not answering at the moment"));
    }

    private static ApiDocs known(String api) {
        return ApiDocs.fromId(api).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such API"));
    }
}
