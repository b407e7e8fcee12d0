package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.paging.Paging;

import java.util.List;

/** Read models: series, change between two periods, scorecard, exceptions, submission status. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportController {

    private final SeriesService series;
    private final ScorecardService scorecard;
    private final SubmissionService submissions;

    ReportController(SeriesService series, ScorecardService scorecard, SubmissionService submissions) {
        this.series = series;
        this.scorecard = scorecard;
        this.submissions = submissions;
    }

    @Get("/indicators/{code}/series")
    List<SeriesPoint> series(@PathVariable String code, @QueryValue @Nullable @Size(max = 16) String agency, Caller caller) {
        return series.series(code, agency, caller);
    }

    @Get("/indicators/{code}/change")
    ChangeView change(@PathVariable String code, @QueryValue @Size(max = 16) String from, @QueryValue @Size(max = 16) String to,
                      @QueryValue @Nullable @Size(max = 16) String agency, Caller caller) {
        return series.change(code, from, to, agency, caller);
    }

    /** The whole scorecard, or with {@code page}/{@code size} one page of it and X-Total-Count (see {@link Paging}). */
    @Get("/scorecard")
    HttpResponse<List<ScorecardRow>> scorecard(@QueryValue @Nullable @Size(max = 16) String agency, @QueryValue @Nullable Integer priority,
                                               @QueryValue @Nullable @Size(max = 16) String period, @QueryValue @Nullable Integer page,
                                               @QueryValue @Nullable Integer size, Caller caller) {
        Paging paging = Paging.of(page, size);
        return Paging.respond(paging, scorecard.scorecard(caller, agency, priority, period));
    }

    @Get("/exceptions")
    HttpResponse<List<ScorecardRow>> exceptions(@QueryValue @Nullable @Size(max = 16) String agency, @QueryValue @Nullable Integer priority,
                                                @QueryValue @Nullable @Size(max = 16) String period, @QueryValue @Nullable Integer page,
                                                @QueryValue @Nullable Integer size, Caller caller) {
        Paging paging = Paging.of(page, size);
        return Paging.respond(paging, scorecard.exceptions(caller, agency, priority, period));
    }

    @Get("/submissions")
    SubmissionStatus submissions(@QueryValue @Size(max = 16) String period, Caller caller) {
        return submissions.status(period, caller);
    }

    /** How many submitted values wait for the manager's decision, in every period (the manager's navigation shows it). */
    @Get("/submissions/waiting")
    @Secured(Caller.MANAGER)
    Waiting waiting() {
        return new Waiting(submissions.waiting());
    }

    /** The count of values waiting for a decision. */
    @io.micronaut.serde.annotation.Serdeable
    record Waiting(long waiting) {
    }
}
