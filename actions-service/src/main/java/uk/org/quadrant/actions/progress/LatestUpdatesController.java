package uk.org.quadrant.actions.progress;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.actions.plans.ActionPlanRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The latest progress update of each action of a plan, so a plan's table (the inspection's action
 * plan layout, with its "progress" column) is one call rather than one per action. Readable by
 * everyone, as each action's updates are.
 */
@Controller("/api/v1/plans/{id}/latest-updates")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class LatestUpdatesController {

    private final PlanUpdatesRepository updates;
    private final ActionPlanRepository plans;

    LatestUpdatesController(PlanUpdatesRepository updates, ActionPlanRepository plans) {
        this.updates = updates;
        this.plans = plans;
    }

    /** One update per action that has any (actions without updates are absent), ordered by action id. */
    @Get
    List<ActionUpdate> latest(@PathVariable long id) {
        if (!plans.existsById(id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No plan " + id);
        }
        Set<Long> seen = new HashSet<>();
        List<ActionUpdate> out = new ArrayList<>();
        for (ActionUpdate u : updates.ofPlanNewestFirst(id)) {
            if (seen.add(u.actionId())) {
                out.add(u);
            }
        }
        return out;
    }
}
