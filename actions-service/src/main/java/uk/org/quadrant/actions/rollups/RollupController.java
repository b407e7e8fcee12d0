package uk.org.quadrant.actions.rollups;

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
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.actions.plans.DeliveryClock;
import uk.org.quadrant.actions.plans.PlanAction;
import uk.org.quadrant.actions.plans.PlanActionRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Roll-ups by agency, business-plan priority or plan, and the due-and-overdue feed for reminders. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RollupController {

    private final PlanActionRepository actions;
    private final DeliveryClock clock;

    RollupController(PlanActionRepository actions, DeliveryClock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Get("/rollups")
    List<Rollup> rollups(@QueryValue(defaultValue = "agency") @Pattern(regexp = "agency|priority|plan",
            message = "must be agency, priority or plan") String by) {
        Function<PlanAction, String> key = switch (by) {
            case "priority" -> a -> a.priority() == null ? "none" : a.priority().toString();
            case "plan" -> a -> Long.toString(a.planId());
            default -> PlanAction::leadAgency;
        };
        Map<String, List<PlanAction>> groups = new TreeMap<>();
        actions.listByDueDate().forEach(a -> groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        List<Rollup> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(rollup(k, list)));
        return out;
    }

    /** Open actions due within {@code days} (default 30) or already overdue, soonest first. */
    @Get("/actions/due")
    List<Rollup.Item> due(@QueryValue(defaultValue = "30") @Min(0) @Max(366) int days, @QueryValue @Nullable String agency) {
        var horizon = clock.today().plusDays(days);
        return actions.listByDueDate().stream()
                .filter(a -> !a.status().isDone() && !a.dueDate().isAfter(horizon))
                .filter(a -> agency == null || a.leadAgency().equals(agency))
                .map(RollupController::item)
                .toList();
    }

    private Rollup rollup(String key, List<PlanAction> list) {
        int completed = 0;
        int overdue = 0;
        int atRisk = 0;
        int onTrack = 0;
        int dueSoon = 0;
        List<Rollup.Item> late = new ArrayList<>();
        var horizon = clock.today().plusDays(30);
        for (PlanAction a : list) {
            Delivery d = clock.of(a);
            switch (d) {
                case COMPLETED -> completed++;
                case OVERDUE -> {
                    overdue++;
                    late.add(item(a));
                }
                case AT_RISK -> atRisk++;
                case ON_TRACK -> onTrack++;
            }
            if (d != Delivery.COMPLETED && d != Delivery.OVERDUE && !a.dueDate().isAfter(horizon)) {
                dueSoon++;
            }
        }
        BigDecimal percent = list.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(list.size()), 1, RoundingMode.HALF_UP);
        return new Rollup(key, list.size(), completed, overdue, atRisk, onTrack, percent, dueSoon, late);
    }

    private static Rollup.Item item(PlanAction a) {
        return new Rollup.Item(a.id(), a.planId(), a.ref(), a.leadAgency(), a.dueDate().toString());
    }
}
