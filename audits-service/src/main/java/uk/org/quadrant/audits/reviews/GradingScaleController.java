package uk.org.quadrant.audits.reviews;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.GradingScale;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.util.HashSet;
import java.util.List;
import java.util.stream.StreamSupport;

/** Grading scales: the Ofsted and early-help scales, and any the board manager defines. */
@Controller("/api/v1/grading-scales")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class GradingScaleController {

    private final GradingScaleRepository scales;
    private final ChangeRecorder changes;

    GradingScaleController(GradingScaleRepository scales, ChangeRecorder changes) {
        this.scales = scales;
        this.changes = changes;
    }

    @Get
    List<GradingScale> list() {
        return StreamSupport.stream(scales.findAll().spliterator(), false).map(GradingScaleRecord::scale).toList();
    }

    /** A new scale: grades best first, and the lowest grade that meets the required standard. */
    @Serdeable
    record ScaleRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits and underscores") String code,
                        @NotBlank @Size(max = 100) String name,
                        @NotEmpty @Size(min = 2, max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String> grades,
                        @NotBlank @Size(max = 40) String standard) {
    }

    @Post
    @Secured(Caller.MANAGER)
    @Transactional
    HttpResponse<GradingScale> define(@Body @Valid ScaleRequest request, Caller caller) {
        if (new HashSet<>(request.grades()).size() != request.grades().size()) {
            throw new InvalidRequestException("grades", "each grade may appear once");
        }
        if (!request.grades().contains(request.standard())) {
            throw new InvalidRequestException("standard", "must be one of the scale's grades");
        }
        if (scales.existsById(request.code())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Grading scale " + request.code() + " already exists");
        }
        GradingScaleRecord saved = scales.save(new GradingScaleRecord(request.code(), request.name().trim(),
                String.join(",", request.grades()), request.standard()));
        changes.record(caller, "grading-scale", saved.code(), "CREATE", null, saved.scale());
        return HttpResponse.created(saved.scale());
    }
}
