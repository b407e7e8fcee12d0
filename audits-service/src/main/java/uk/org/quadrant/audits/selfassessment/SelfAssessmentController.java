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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.audits.access.Caller;

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
    Standard defineStandard(@PathVariable String code, @Body @Valid Section11Requests.DefineStandard request, Authentication auth) {
        if (!code.equals(request.code())) {
            throw new uk.org.quadrant.audits.problem.InvalidRequestException("code", "must match the standard in the path");
        }
        return selfAssessments.defineStandard(request, Caller.of(auth));
    }

    @Get("/assessments")
    List<AssessmentView> list(Authentication auth) {
        return selfAssessments.list(Caller.of(auth));
    }

    @Get("/assessments/{id}")
    AssessmentView get(@PathVariable long id, Authentication auth) {
        return selfAssessments.get(id, Caller.of(auth));
    }

    @Post("/assessments")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<AssessmentView> start(@Body @Valid Section11Requests.Start request, Authentication auth) {
        return HttpResponse.created(selfAssessments.start(request, Caller.of(auth)));
    }

    @Put("/assessments/{id}/standards/{code}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    AssessmentView rate(@PathVariable long id, @PathVariable String code, @Body @Valid Section11Requests.Rate request,
                        Authentication auth) {
        return selfAssessments.rate(id, code, request, Caller.of(auth));
    }

    /** The board's moderation or challenge comment on one standard: the chair's one write. */
    @Put("/assessments/{id}/standards/{code}/challenge")
    @Secured({Caller.MANAGER, Caller.CHAIR})
    AssessmentView challenge(@PathVariable long id, @PathVariable String code, @Body @Valid Section11Requests.Challenge request,
                             Authentication auth) {
        return selfAssessments.challenge(id, code, request, Caller.of(auth));
    }
}
