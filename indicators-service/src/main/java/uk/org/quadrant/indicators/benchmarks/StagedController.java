package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.common.access.Caller;

import java.util.List;

/** New versions of mapped EES data sets: everyone sees what is staged; the manager checks now, approves or discards. */
@Controller("/api/v1/benchmarks/staged")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StagedController {

    private final EesRefresh refresh;

    StagedController(EesRefresh refresh) {
        this.refresh = refresh;
    }

    /** Newest first: {@code [{"id","indicator","dataSetId","dataSetVersion","published","status","valuesChanging","changes",…}]}. */
    @Get
    List<Staged> list() {
        return refresh.list();
    }

    /** Checks every mapped data set now (as the schedule does): {@code {"checked","staged":[…],"failures":[…]}}. */
    @Post("/check")
    @Secured(Caller.MANAGER)
    EesRefresh.CheckResult check(Caller caller) {
        return refresh.check(caller);
    }

    /** Imports the staged version (the answer of an import; 400 with its errors, nothing written); 409 once decided. */
    @Post("/{id}/approve")
    @Secured(Caller.MANAGER)
    HttpResponse<EesImportResult> approve(@PathVariable long id, Caller caller) {
        EesImportResult result = refresh.approve(id, caller);
        return result.errors().isEmpty() ? HttpResponse.ok(result) : HttpResponse.badRequest(result);
    }

    @Post("/{id}/discard")
    @Secured(Caller.MANAGER)
    Staged discard(@PathVariable long id, Caller caller) {
        return refresh.discard(id, caller);
    }
}
