package uk.org.quadrant.actions.rollups;

import java.time.LocalDate;
import uk.org.quadrant.actions.domain.DueWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import uk.org.quadrant.actions.plans.DeliveryClock;

import java.util.List;

/**
 * Roll-ups by agency, business-plan priority or plan, and the due-and-overdue feed for reminders; counted
 * and filtered in the database ({@link RollupQueries}).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RollupController {

    private final RollupQueries queries;
    private final DeliveryClock clock;

    RollupController(RollupQueries queries, DeliveryClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Counts per key, each with its overdue actions; {@code overdueActions=false} leaves those lists empty
     * (a dashboard that shows only the counts need not receive every overdue action twice); {@code dueFrom} and
     * {@code dueTo} (optional, inclusive) count only the actions due between them (the board's period filter).
     */
    @Get("/rollups")
    List<Rollup> rollups(@QueryValue(defaultValue = "agency") @Pattern(regexp = "agency|priority|plan",
            message = "must be agency, priority or plan") String by,
                         @QueryValue(defaultValue = "true") @Pattern(regexp = "true|false",
                                 message = "must be true or false") String overdueActions,
                         @QueryValue @Nullable LocalDate dueFrom, @QueryValue @Nullable LocalDate dueTo) {
        return queries.rollups(RollupQueries.By.of(by), Boolean.parseBoolean(overdueActions), DueWindow.of(dueFrom, dueTo));
    }

    /** Open actions due within {@code days} (default 30) or already overdue, soonest first. */
    @Get("/actions/due")
    List<Rollup.Item> due(@QueryValue(defaultValue = "30") @Min(0) @Max(366) int days, @QueryValue @Nullable String agency) {
        return queries.due(clock.today().plusDays(days), agency);
    }
}
