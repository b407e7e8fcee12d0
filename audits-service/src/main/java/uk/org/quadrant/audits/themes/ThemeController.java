package uk.org.quadrant.audits.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.vocabulary.Theme;
import uk.org.quadrant.audits.vocabulary.ThemeRepository;

import java.time.LocalDate;
import java.util.List;

/** The theme vocabulary, and the analysis of which themes recur across sources. */
@Controller("/api/v1/themes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeController {

    private final ThemeRepository themes;
    private final ThemeAnalysisService analysis;
    private final ChangeRecorder changes;

    ThemeController(ThemeRepository themes, ThemeAnalysisService analysis, ChangeRecorder changes) {
        this.themes = themes;
        this.analysis = analysis;
        this.changes = changes;
    }

    @Get
    List<Theme> list() {
        return themes.listByLabel();
    }

    @Post
    @Secured(Caller.MANAGER)
    @Transactional
    HttpResponse<Theme> add(@Body @Valid ThemeRequest request, Caller caller) {
        if (themes.existsById(request.code())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Theme " + request.code() + " already exists");
        }
        Theme theme = themes.save(new Theme(request.code(), request.label().trim(), true));
        changes.record(caller, "theme", theme.code(), "CREATE", null, theme);
        return HttpResponse.created(theme);
    }

    /** Relabel a theme or retire it ({@code active=false}): past findings keep it; new ones cannot use it. */
    @Put("/{code}")
    @Secured(Caller.MANAGER)
    @Transactional
    Theme update(@PathVariable String code, @Body @Valid ThemeUpdate request, Caller caller) {
        Theme current = themes.findById(code).filter(t -> t.code().equals(code))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No theme " + code));
        Theme updated = themes.update(new Theme(code, request.label().trim(), request.active() == null || request.active()));
        changes.record(caller, "theme", code, "UPDATE", current, updated);
        return updated;
    }

    @io.micronaut.serde.annotation.Serdeable
    record ThemeUpdate(@jakarta.validation.constraints.NotBlank @Size(max = 200) String label, @Nullable Boolean active) {
    }

    /**
     * @param from       audits whose reporting period ends on or after this date (default: all)
     * @param to         and starts on or before this date (default: all)
     * @param minSources distinct sources that make a theme "repeated" (default 2)
     */
    @Get("/analysis")
    List<ThemeAnalysisRow> analysis(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                    @QueryValue @Nullable Quadrant quadrant, @QueryValue @Nullable @Size(max = 16) String agency,
                                    @QueryValue @Nullable @Min(1) @Max(100) Integer minSources, Caller caller) {
        return analysis.analyse(caller, from, to, quadrant, agency, minSources);
    }
}
