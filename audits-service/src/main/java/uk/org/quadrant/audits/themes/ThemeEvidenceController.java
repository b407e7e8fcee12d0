package uk.org.quadrant.audits.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.domain.Quadrant;

import java.time.LocalDate;
import java.util.List;

/**
 * Theme → sources → findings in one answer, with the analysis's filters and visibility: the
 * gateway's themes pages read the whole trail without one call per theme or per audit.
 */
@Controller("/api/v1/themes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeEvidenceController {

    private final ThemeEvidenceService evidence;

    ThemeEvidenceController(ThemeEvidenceService evidence) {
        this.evidence = evidence;
    }

    /**
     * @param from  audits whose reporting period ends on or after this date (default: all)
     * @param to    and starts on or before this date (default: all)
     * @param theme one theme's code (default: every theme)
     */
    @Get("/evidence")
    List<ThemeEvidence> evidence(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                 @QueryValue @Nullable Quadrant quadrant, @QueryValue @Nullable @Size(max = 16) String agency,
                                 @QueryValue @Nullable @Size(max = 64) String theme, Caller caller) {
        return evidence.evidence(caller, from, to, quadrant, agency, theme);
    }
}
