package uk.org.quadrant.gateway.browse.plans;

import uk.org.quadrant.gateway.web.words.Words;
import uk.org.quadrant.gateway.web.dates.DisplayDates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.actions.Plan;
import uk.org.quadrant.gateway.clients.actions.Rollup;
import uk.org.quadrant.gateway.clients.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The partnership's action plans. Plans are the partnership's, so every signed-in user reads them
 * (actions-service says the same); writing is elsewhere ({@code /actions/{id}/update}).
 * {@code /plans/{id}} is laid out like the inspection's action plan: issue raised, action, what will
 * be different, how we will know, lead, completion date, and then delivery and the latest progress.
 */
@Controller(value = "/plans", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private final Downstream downstream;
    private final ActionsClient actions;
    private final AgencyNames agencies;

    PlanController(Downstream downstream, ActionsClient actions, AgencyNames agencies) {
        this.downstream = downstream;
        this.actions = actions;
        this.agencies = agencies;
    }

    /**
     * Every plan with its actions counted by delivery status; with a filter, the matching actions
     * across all plans too. Nothing here without actions-service: a 503 page then.
     */
    @Get
    @View("browse/plans/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String agency, @QueryValue @Nullable String delivery) {
        Map<String, String> names = agencies.byCode();
        ActionQuery filter = ActionQuery.of(agency, delivery, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<List<Plan>>> plans = calls.read(Service.ACTIONS, actions::plans);
        CompletableFuture<Reply<List<Rollup>>> rollups = calls.read(Service.ACTIONS, () -> actions.rollups("plan", null, null, null));
        CompletableFuture<Reply<List<Action>>> matching = filter.any()
                ? calls.read(Service.ACTIONS, () -> actions.actions(filter.agency(), null, filter.delivery(), null, null, null, null)) : null;

        Reply<List<Plan>> planReply = Calls.require(plans);
        if (!planReply.ok() || planReply.body() == null) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "actions-service refused the list of plans");
        }
        Panel<Map<String, Rollup>> counts = Calls.panel(rollups, Service.ACTIONS, r -> {
            Map<String, Rollup> byPlan = new HashMap<>();
            r.body().forEach(row -> byPlan.put(row.key(), row));
            return byPlan;
        });
        List<PlanRow> rows = new ArrayList<>();
        for (Plan plan : planReply.body()) {
            rows.add(new PlanRow(plan.id(), plan.title(), Words.of(plan.sourceType()),
                    counts.available() ? counts.data().get(String.valueOf(plan.id())) : null));
        }
        Map<String, Object> model = model(filter, names);
        model.put("plans", rows);
        model.put("countsAvailable", counts.available());
        if (matching != null) {
            Map<Long, String> planTitles = new HashMap<>();
            planReply.body().forEach(p -> planTitles.put(p.id(), p.title()));
            model.put("matching", Calls.panel(matching, Service.ACTIONS, r -> r.body().stream()
                    .map(a -> ActionRows.row(a, names, null).withPlanTitle(planTitles.getOrDefault(a.planId(), "")))
                    .toList()));
        }
        return model;
    }

    /** A plan in the list of plans, with its actions counted when actions-service gave the counts (public: templates read it). */
    public record PlanRow(long id, String title, String sourceLabel, @Nullable Rollup counts) {
    }

    /** A plan's heading on its own page (public: templates read it). */
    public record PlanHeading(long id, String title, @Nullable String owner, @Nullable String startDate, String sourceLabel,
                              String startLabel) {
    }

    /** Consecutive actions raised by the same issue: the issue is said once, above them. */
    public record IssueGroup(String issue, List<ActionRows.ActionRow> actions) {
    }

    /** The actions in plan order, consecutive ones that share an issue's text in one group. */
    static List<IssueGroup> byIssue(List<ActionRows.ActionRow> rows) {
        List<IssueGroup> groups = new ArrayList<>();
        for (ActionRows.ActionRow row : rows) {
            String issue = row.issue() == null ? "" : row.issue();
            if (groups.isEmpty() || !groups.get(groups.size() - 1).issue().equals(issue)) {
                groups.add(new IssueGroup(issue, new ArrayList<>()));
            }
            groups.get(groups.size() - 1).actions().add(row);
        }
        return groups;
    }

    /**
     * One plan as the inspection's action-plan table, filtered by lead agency and delivery status; each issue
     * said once above its actions. {@code view=compact} (for the board's meeting): each action's ref, words,
     * lead, date, delivery and the date of its latest update, without outcomes, measures and narratives.
     */
    @Get("/{id}")
    @View("browse/plans/plan")
    Map<String, Object> plan(HttpRequest<?> request, @PathVariable long id, @QueryValue @Nullable String agency,
                             @QueryValue @Nullable String delivery, @QueryValue @Nullable String view) {
        Map<String, String> names = agencies.byCode();
        ActionQuery filter = ActionQuery.of(agency, delivery, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<Plan>> plan = calls.read(Service.ACTIONS, () -> actions.plan(id));
        CompletableFuture<Reply<List<ActionUpdate>>> latest = calls.read(Service.ACTIONS, () -> actions.latestUpdates(id));

        Reply<Plan> planReply = Calls.require(plan);
        if (!planReply.ok() || planReply.body() == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Panel<Map<Long, ActionUpdate>> updates = Calls.panel(latest, Service.ACTIONS, r -> {
            Map<Long, ActionUpdate> byAction = new HashMap<>();
            r.body().forEach(u -> byAction.put(u.actionId(), u));
            return byAction;
        });
        Plan p = planReply.body();
        List<ActionRows.ActionRow> actionRows = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        PlanWording.DELIVERIES.forEach(d -> counts.put(d, 0L));
        for (Action a : p.actions() == null ? List.<Action>of() : p.actions()) {
            counts.merge(String.valueOf(a.delivery()), 1L, Long::sum);
            if (filter.matches(a)) {
                actionRows.add(ActionRows.row(a, names, updates.available() ? updates.data().get(a.id()) : null));
            }
        }
        Map<String, Object> model = model(filter, names);
        model.put("plan", new PlanHeading(p.id(), p.title(), p.owner(), p.startDate(), Words.of(p.sourceType()),
                DisplayDates.longDate(p.startDate())));
        model.put("actions", actionRows);
        model.put("groups", byIssue(actionRows));
        model.put("compact", "compact".equals(view));
        model.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.put("counts", counts.entrySet().stream().map(e -> Map.of("tag", Words.delivery(e.getKey()), "count", e.getValue())).toList());
        model.put("updatesAvailable", updates.available());
        return model;
    }

    private Map<String, Object> model(ActionQuery filter, Map<String, String> names) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("agencyOptions", names.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        model.put("deliveryOptions", PlanWording.DELIVERIES.stream().map(d -> Map.of("code", d, "text", Words.delivery(d).text())).toList());
        return model;
    }

}
