package uk.org.quadrant.actions.plans;

import java.time.LocalDate;
import uk.org.quadrant.actions.domain.DueWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.actions.audits.AuditsClient.VouchedRecommendation;
import uk.org.quadrant.actions.audits.RecommendationCheck;
import uk.org.quadrant.actions.audits.RecommendationRequest;
import uk.org.quadrant.common.paging.Paging;
import uk.org.quadrant.actions.domain.Delivery;

import java.net.URI;
import java.util.List;

/** Action plans, their actions, and actions made from recommendations. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private final PlanService plans;
    private final RecommendationCheck check;

    PlanController(PlanService plans, RecommendationCheck check) {
        this.plans = plans;
        this.check = check;
    }

    @Get("/plans")
    List<PlanView> plans() {
        return plans.list();
    }

    @Get("/plans/{id}")
    PlanView plan(@PathVariable long id, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return plans.get(id, authorization);
    }

    @Post("/plans")
    @Secured(Caller.MANAGER)
    HttpResponse<PlanView> create(@Body @Valid PlanRequest request, Caller caller) {
        PlanView created = plans.create(request, caller);
        return HttpResponse.created(created, URI.create("/api/v1/plans/" + created.id()));
    }

    @Post("/plans/{id}/actions")
    @Secured(Caller.MANAGER)
    HttpResponse<ActionView> addAction(@PathVariable long id, @Body @Valid ActionRequest request,
                                       @Header(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        ActionView created = plans.addAction(id, request, caller, authorization);
        return HttpResponse.created(created, URI.create("/api/v1/actions/" + created.id()));
    }

    @Put("/plans/{id}")
    @Secured(Caller.MANAGER)
    PlanView updatePlan(@PathVariable long id, @Body @Valid PlanRequest request,
                        @Header(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        return plans.updatePlan(id, request, request.version(), caller, authorization);
    }

    @Put("/actions/{id}")
    @Secured(Caller.MANAGER)
    ActionView updateAction(@PathVariable long id, @Body @Valid ActionRequest request,
                            @Header(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        return plans.updateAction(id, request, request.version(), caller, authorization);
    }

    /**
     * Actions by due date, filtered (by lead agency, delivery, priority, and due date between {@code dueFrom}
     * and {@code dueTo}, both optional and inclusive); {@code page}/{@code size} page them ({@link Paging}) in SQL, with the
     * filtered total in {@value Paging#TOTAL_HEADER}; live measures only for the actions returned. The gateway's
     * service identity gets no live measure: its token is not passed on (indicators-service would refuse it).
     */
    @Get("/actions")
    HttpResponse<List<ActionView>> actions(@QueryValue @Nullable @Size(max = 16) String agency, @QueryValue @Nullable Delivery delivery,
                             @QueryValue @Nullable Integer priority, @QueryValue @Nullable LocalDate dueFrom,
                             @QueryValue @Nullable LocalDate dueTo, @QueryValue @Nullable Integer page,
                             @QueryValue @Nullable Integer size, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                             Caller caller) {
        Paging paging = Paging.of(page, size);
        PlanService.ActionList list = plans.actions(agency, delivery, priority, DueWindow.of(dueFrom, dueTo), paging,
                caller.isServiceReader() ? null : authorization);
        return paging == null ? HttpResponse.ok(list.views())
                : HttpResponse.ok(list.views()).header(Paging.TOTAL_HEADER, Long.toString(list.total()));
    }

    @Get("/actions/{id}")
    ActionView action(@PathVariable long id, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return plans.action(id, authorization);
    }

    /**
     * Idempotent on {@code sourceRef}: 201 with a new action, or 200 with the one made before. Only for a
     * recommendation audits-service states to this caller, as stated ({@link RecommendationCheck}: asked
     * first, outside the transaction, so a refusal or an unreachable audits-service writes nothing).
     */
    @Post("/actions/from-recommendation")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<ActionView> fromRecommendation(@Body @Valid RecommendationRequest request,
                                                @Header(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        VouchedRecommendation vouched = check.vouched(request, caller, authorization);
        PlanService.FromRecommendation result;
        try {
            result = plans.fromRecommendation(vouched, request, caller);
        } catch (DataAccessException e) {
            // Sent twice at the same moment: the other request's insert (of the plan or the action) won the
            // unique key. Once it has committed, doing it again finds what the other made.
            try {
                result = plans.fromRecommendation(vouched, request, caller);
            } catch (DataAccessException again) {
                return HttpResponse.ok(plans.fromSource(vouched.sourceRef()).orElseThrow(() -> again));
            }
        }
        return result.created()
                ? HttpResponse.created(result.action(), URI.create("/api/v1/actions/" + result.action().id()))
                : HttpResponse.ok(result.action());
    }
}
