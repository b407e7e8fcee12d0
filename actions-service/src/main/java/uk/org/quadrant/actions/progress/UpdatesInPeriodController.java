package uk.org.quadrant.actions.progress;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.List;

/**
 * The progress updates of every action dated within [from, to], oldest first, in one call: the
 * annual report's "impact of work" needs each completed action's "what difference has this made"
 * for a year, and asking action by action would be one call per action. Readable by everyone, as
 * each action's own updates are.
 */
@Controller("/api/v1/updates")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UpdatesInPeriodController {

    private final UpdatesInPeriodRepository updates;

    UpdatesInPeriodController(UpdatesInPeriodRepository updates) {
        this.updates = updates;
    }

    @Get
    List<ActionUpdate> dated(@QueryValue LocalDate from, @QueryValue LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidRequestException("to", "must be within five years of from");
        }
        return updates.dated(from, to);
    }
}
