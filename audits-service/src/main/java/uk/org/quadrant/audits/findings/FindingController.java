package uk.org.quadrant.audits.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Delete;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.paging.Paging;

import java.util.List;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FindingController {

    private final FindingService findings;
    private final RecommendationSender sender;

    FindingController(FindingService findings, RecommendationSender sender) {
        this.findings = findings;
        this.sender = sender;
    }

    /** An audit's findings; {@code page}/{@code size} page them ({@link Paging}). */
    @Get("/audits/{id}/findings")
    HttpResponse<List<FindingView>> list(@PathVariable long id, @QueryValue @Nullable Integer page,
                                         @QueryValue @Nullable Integer size, Caller caller) {
        Paging paging = Paging.of(page, size);
        return Paging.respond(paging, findings.list(id, caller));
    }

    @Post("/audits/{id}/findings")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<FindingView> record(@PathVariable long id, @Body @Valid FindingRequest request, Caller caller) {
        return HttpResponse.created(findings.record(id, request, caller));
    }

    /** Turns a recommendation into a tracked action in actions-service (idempotent). */
    @Post("/findings/{id}/action")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    SentAction sendToActions(@PathVariable long id, @Header(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        return sender.send(id, authorization, caller);
    }

    /**
     * The recommendation as audits-service states it, for actions-service to check a request against
     * before it makes the action: only to a caller who may send it (404 unseen, 403 not the audit's
     * manager, 409 not a recommendation).
     */
    @Get("/findings/{id}/recommendation")
    Recommendation recommendation(@PathVariable long id, Caller caller) {
        return sender.canonical(id, caller);
    }

    @Put("/findings/{id}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    FindingView update(@PathVariable long id, @Body @Valid FindingRequest request, Caller caller) {
        return findings.update(id, request, request.version(), caller);
    }

    @Delete("/findings/{id}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<Void> delete(@PathVariable long id, Caller caller) {
        findings.delete(id, caller);
        return HttpResponse.noContent();
    }

    @Get("/findings/{id}")
    FindingView get(@PathVariable long id, Caller caller) {
        return FindingView.of(findings.require(id, caller));
    }
}
