package uk.org.quadrant.audits.reviews;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.paging.Paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Controller("/api/v1/audits")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditService audits;

    AuditController(AuditService audits) {
        this.audits = audits;
    }

    /**
     * Every audit the caller may see, newest first; {@code page}/{@code size} page it ({@link Paging}),
     * in SQL: a page reads the page and a count, not the whole list.
     */
    @Get
    HttpResponse<List<AuditView>> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size, Caller caller) {
        Paging paging = Paging.of(page, size);
        if (paging == null) {
            return HttpResponse.ok(audits.visible(caller).stream().map(AuditView::of).toList());
        }
        AuditService.Page slice = audits.visiblePage(caller, paging);
        return HttpResponse.ok(slice.audits().stream().map(AuditView::of).toList())
                .header(Paging.TOTAL_HEADER, Long.toString(slice.total()));
    }

    /**
     * The audits the caller may see that changed last, newest change first: {@code agency} keeps those it
     * leads or takes part in, {@code from}/{@code to} those whose reporting period overlaps them,
     * {@code limit} (1–50, default 5) says how many.
     */
    @Get("/recent")
    List<AuditView> recent(@QueryValue @Nullable @Size(max = 16) String agency, @QueryValue @Nullable LocalDate from,
                           @QueryValue @Nullable LocalDate to, @QueryValue(defaultValue = "5") @Min(1) @Max(50) int limit,
                           Caller caller) {
        return audits.recentlyChanged(caller, agency, from, to, limit).stream().map(AuditView::of).toList();
    }

    @Get("/{id}")
    AuditView get(@PathVariable long id, Caller caller) {
        return AuditView.of(audits.require(id, caller));
    }

    @Post
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    HttpResponse<AuditView> create(@Body @Valid AuditRequest request, Caller caller) {
        AuditView created = AuditView.of(audits.create(request, caller));
        return HttpResponse.created(created, URI.create("/api/v1/audits/" + created.id()));
    }

    @Put("/{id}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    AuditView update(@PathVariable long id, @Body @Valid AuditRequest request, Caller caller) {
        return AuditView.of(audits.update(id, request, caller));
    }
}
