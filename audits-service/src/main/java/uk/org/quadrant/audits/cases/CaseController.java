package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.readlog.CaseReadRecorder;

import java.time.LocalDate;
import java.util.List;

/** Graded cases of an audit and their grade distribution and compliance. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseController {

    private final CaseService cases;
    private final CaseReadRecorder reads;

    CaseController(CaseService cases, CaseReadRecorder reads) {
        this.cases = cases;
        this.reads = reads;
    }

    /** Case-level data: every read is recorded (who, agency, when, audit, case ids) before it is returned. */
    @Get("/audits/{id}/cases")
    List<CaseView> list(@PathVariable long id, Caller caller) {
        List<CaseView> found = cases.list(id, caller);
        reads.record(caller, "GET /api/v1/audits/" + id + "/cases", id, found.stream().map(CaseView::id).toList());
        return found;
    }

    @Post("/audits/{id}/cases")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<CaseView> record(@PathVariable long id, @Body @Valid CaseRequest request, Caller caller) {
        return HttpResponse.created(cases.record(id, request, caller));
    }

    @Put("/audits/{id}/cases/{caseId}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    CaseView regrade(@PathVariable long id, @PathVariable long caseId, @Body @Valid CaseRequest request, Caller caller) {
        return cases.regrade(id, caseId, request, request.version(), caller);
    }

    @Delete("/audits/{id}/cases/{caseId}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<Void> delete(@PathVariable long id, @PathVariable long caseId, Caller caller) {
        cases.delete(id, caseId, caller);
        return HttpResponse.noContent();
    }

    /** Grade distribution across audits (per grading scale), for the board's qualitative quadrant. */
    @Get("/grades")
    List<AcrossAuditsGrades> acrossAudits(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to, Caller caller) {
        return cases.acrossAudits(caller, from, to);
    }

    @Get("/audits/{id}/grades")
    GradesView grades(@PathVariable long id, Caller caller) {
        return cases.grades(id, caller);
    }
}
