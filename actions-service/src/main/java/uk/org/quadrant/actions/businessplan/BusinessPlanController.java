package uk.org.quadrant.actions.businessplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;

import java.util.List;

/** The board's business plan: aims and priorities per plan year (everyone reads; the manager writes). */
@Controller("/api/v1/business-plan")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BusinessPlanController {

    private final BusinessPlanRepository items;
    private final ChangeRecorder changes;

    BusinessPlanController(BusinessPlanRepository items, ChangeRecorder changes) {
        this.items = items;
        this.changes = changes;
    }

    @Get
    List<BusinessPlanItem> list(@QueryValue @Nullable @Size(max = 16) String year) {
        return items.inOrder().stream().filter(i -> year == null || i.planYear().equals(year)).toList();
    }

    @Serdeable
    record ItemRequest(@NotBlank @Size(max = 16) String planYear,
                       @NotBlank @Pattern(regexp = "AIM|PRIORITY", message = "must be AIM or PRIORITY") String kind,
                       @Min(1) @Max(20) int number, @NotBlank @Size(max = 500) String title, @Nullable @Size(max = 8000) String means) {
    }

    @Post
    @Secured(Caller.MANAGER)
    @Transactional
    HttpResponse<BusinessPlanItem> add(@Body @Valid ItemRequest request, Caller caller) {
        if (items.existsByPlanYearAndKindAndNumber(request.planYear(), request.kind(), request.number())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, request.kind() + " " + request.number() + " of " + request.planYear() + " exists");
        }
        BusinessPlanItem saved = items.save(new BusinessPlanItem(null, request.planYear(), request.kind(), request.number(),
                request.title().trim(), request.means()));
        changes.record(caller, "business-plan", saved.id().toString(), "CREATE", null, saved);
        return HttpResponse.created(saved);
    }
}
