package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
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

import java.util.List;

/** How the partnership compares on one indicator: any signed-in user reads it. */
@Controller("/api/v1/indicators/{code}/comparison")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ComparisonController {

    private final Comparisons comparisons;

    ComparisonController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    /** For a Quadrant period ({@code 2024April}); without one, the latest period with published figures; 404 without any. */
    @Get
    Comparison get(@PathVariable String code, @QueryValue @Nullable @Size(max = 16) String period, Caller caller) {
        return comparisons.compare(code, period, caller);
    }

    /** Every period with published figures, oldest first: the chart over time (partnership, England, region, neighbours' mean). */
    @Get("/series")
    List<Comparison> series(@PathVariable String code, Caller caller) {
        return comparisons.series(code, caller);
    }
}
