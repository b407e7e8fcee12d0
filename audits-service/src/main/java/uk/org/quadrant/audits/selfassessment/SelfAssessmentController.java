package uk.org.quadrant.audits.selfassessment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;

import java.util.List;

/** Section 11 self-assessments: standards, each agency's cycle, ratings and the board's challenge. */
@Controller("/api/v1/section11")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SelfAssessmentController {

    private final SelfAssessments selfAssessments;

    SelfAssessmentController(SelfAssessments selfAssessments) {
        this.selfAssessments = selfAssessments;
    }

    @Get("/standards")
    List<Standard> standards() {
        return selfAssessments.standards();
    }

    @Put("/standards/{code}")
    @Secured(Caller.MANAGER)
    Standard defineStandard(@PathVariable String code, @Body @Valid Section11Requests.DefineStandard request, Caller caller) {
        if (!code.equals(request.code())) {
            throw new uk.org.quadrant.common.problem.InvalidRequestException("code", "must match the standard in the path");
        }
        return selfAssessments.defineStandard(request, caller);
    }

    @Get("/assessments")
    List<AssessmentView> list(Caller caller) {
        return selfAssessments.list(caller);
    }

    @Get("/assessments/{id}")
    AssessmentView get(@PathVariable long id, Caller caller) {
        return selfAssessments.get(id, caller);
    }

    @Post("/assessments")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<AssessmentView> start(@Body @Valid Section11Requests.Start request, Caller caller) {
        return HttpResponse.created(selfAssessments.start(request, caller));
    }

    @Put("/assessments/{id}/standards/{code}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    AssessmentView rate(@PathVariable long id, @PathVariable String code, @Body @Valid Section11Requests.Rate request,
                        Caller caller) {
        return selfAssessments.rate(id, code, request, caller);
    }

    /** The board's moderation or challenge comment on one standard: the chair's one write. */
    @Put("/assessments/{id}/standards/{code}/challenge")
    @Secured({Caller.MANAGER, Caller.CHAIR})
    AssessmentView challenge(@PathVariable long id, @PathVariable String code, @Body @Valid Section11Requests.Challenge request,
                             Caller caller) {
        return selfAssessments.challenge(id, code, request, caller);
    }
}
