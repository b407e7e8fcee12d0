package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * actions-service as the gateway reads and writes it. URL and timeouts from
 * {@code micronaut.http.services.actions}; the user's token is put on by the downstream
 * {@code UserTokenFilter}; call every method through {@code Calls}, which applies the call policy.
 */
@Client(id = "actions")
public interface ActionsClient {

    /** The service's OpenAPI 3 document (anonymous on the service; built at compile time). */
    @Get(value = "/openapi/actions-service.json", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<String>> openApiDocument();

    @Get("/api/v1/plans")
    CompletableFuture<HttpResponse<List<Plan>>> plans();

    @Get("/api/v1/plans/{id}")
    CompletableFuture<HttpResponse<Plan>> plan(long id);

    /** The latest update of each of the plan's actions that has one. */
    @Get("/api/v1/plans/{id}/latest-updates")
    CompletableFuture<HttpResponse<List<ActionUpdate>>> latestUpdates(long id);

    /**
     * Actions, optionally only one lead agency's, one priority's or one delivery status's; paged when
     * {@code size} is given (the reply's {@code total} is then the whole list's length); {@code dueFrom}/{@code dueTo}
     * (ISO dates, inclusive) keep only the actions due between them.
     */
    @Get("/api/v1/actions{?agency,priority,delivery,dueFrom,dueTo,page,size}")
    CompletableFuture<HttpResponse<List<Action>>> actions(@QueryValue @Nullable String agency, @QueryValue @Nullable Integer priority,
                                                          @QueryValue @Nullable String delivery, @QueryValue @Nullable String dueFrom,
                                                          @QueryValue @Nullable String dueTo, @QueryValue @Nullable Integer page,
                                                          @QueryValue @Nullable Integer size);

    @Get("/api/v1/actions/{id}")
    CompletableFuture<HttpResponse<Action>> action(long id);

    /** The action's updates, oldest first. */
    @Get("/api/v1/actions/{id}/updates")
    CompletableFuture<HttpResponse<List<ActionUpdate>>> updates(long id);

    @Post("/api/v1/actions/{id}/updates")
    CompletableFuture<HttpResponse<ActionUpdate>> addUpdate(long id, @Body UpdateRequest update);

    /** Updates dated in {@code [from, to]} (ISO dates). */
    @Get("/api/v1/updates{?from,to}")
    CompletableFuture<HttpResponse<List<ActionUpdate>>> updatesBetween(@QueryValue String from, @QueryValue String to);

    /**
     * Counts per agency, priority or plan; {@code overdueActions=false} leaves the overdue lists out;
     * {@code dueFrom}/{@code dueTo} count only the actions due between them.
     */
    @Get("/api/v1/rollups{?by,overdueActions,dueFrom,dueTo}")
    CompletableFuture<HttpResponse<List<Rollup>>> rollups(@QueryValue String by, @QueryValue @Nullable Boolean overdueActions,
                                                          @QueryValue @Nullable String dueFrom, @QueryValue @Nullable String dueTo);
}
