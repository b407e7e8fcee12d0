package uk.org.quadrant.gateway.plans;

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
import uk.org.quadrant.gateway.directory.AgencyNames;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;

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
class PlanPages {

    private final Downstream downstream;
    private final AgencyNames agencies;

    PlanPages(Downstream downstream, AgencyNames agencies) {
        this.downstream = downstream;
        this.agencies = agencies;
    }

    /**
     * Every plan with its actions counted by delivery status; with a filter, the matching actions
     * across all plans too. Nothing here without actions-service: a 503 page then.
     */
    @Get
    @View("plans/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String agency, @QueryValue @Nullable String delivery) {
        Map<String, String> names = agencies.byCode();
        ActionFilter filter = ActionFilter.of(agency, delivery, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> plans = calls.get(Service.ACTIONS, "/api/v1/plans");
        CompletableFuture<Reply> rollups = calls.get(Service.ACTIONS, "/api/v1/rollups?by=plan");
        CompletableFuture<Reply> matching = filter.any() ? calls.get(Service.ACTIONS, "/api/v1/actions" + filter.query()) : null;

        Reply planReply = Calls.require(plans);
        if (!planReply.ok()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "actions-service refused the list of plans");
        }
        Panel<Map<String, Map<String, Object>>> counts = Calls.panel(rollups, Service.ACTIONS, r -> {
            Map<String, Map<String, Object>> byPlan = new HashMap<>();
            r.rows().forEach(row -> byPlan.put(String.valueOf(row.get("key")), row));
            return byPlan;
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> plan : planReply.rows()) {
            Map<String, Object> row = new LinkedHashMap<>(plan);
            row.put("sourceLabel", PlanWording.source(plan.get("sourceType")));
            row.put("counts", counts.available() ? counts.data().get(String.valueOf(plan.get("id"))) : null);
            rows.add(row);
        }
        Map<String, Object> model = model(filter, names);
        model.put("plans", rows);
        model.put("countsAvailable", counts.available());
        if (matching != null) {
            Map<String, String> planTitles = new HashMap<>();
            planReply.rows().forEach(p -> planTitles.put(String.valueOf(p.get("id")), String.valueOf(p.get("title"))));
            model.put("matching", Calls.panel(matching, Service.ACTIONS, r -> r.rows().stream().map(a -> {
                Map<String, Object> row = ActionRows.row(a, names, null);
                row.put("planTitle", planTitles.getOrDefault(String.valueOf(a.get("planId")), ""));
                return row;
            }).toList()));
        }
        return model;
    }

    /** One plan as the inspection's action-plan table, filtered by lead agency and delivery status. */
    @Get("/{id}")
    @View("plans/plan")
    Map<String, Object> plan(HttpRequest<?> request, @PathVariable long id, @QueryValue @Nullable String agency,
                             @QueryValue @Nullable String delivery) {
        Map<String, String> names = agencies.byCode();
        ActionFilter filter = ActionFilter.of(agency, delivery, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> plan = calls.get(Service.ACTIONS, "/api/v1/plans/" + id);
        CompletableFuture<Reply> latest = calls.get(Service.ACTIONS, "/api/v1/plans/" + id + "/latest-updates");

        Reply planReply = Calls.require(plan);
        if (!planReply.ok()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Panel<Map<Object, Map<String, Object>>> updates = Calls.panel(latest, Service.ACTIONS, r -> {
            Map<Object, Map<String, Object>> byAction = new HashMap<>();
            r.rows().forEach(u -> byAction.put(u.get("actionId"), u));
            return byAction;
        });
        Map<String, Object> p = new LinkedHashMap<>(planReply.map());
        p.put("sourceLabel", PlanWording.source(p.get("sourceType")));
        p.put("startLabel", PlanWording.date(p.get("startDate")));
        List<Map<String, Object>> actions = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        PlanWording.DELIVERIES.forEach(d -> counts.put(d, 0L));
        Object list = planReply.map().get("actions");
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> a = (Map<String, Object>) m;
                    counts.merge(String.valueOf(a.get("delivery")), 1L, Long::sum);
                    if (filter.matches(a)) {
                        actions.add(ActionRows.row(a, names, updates.available() ? updates.data().get(a.get("id")) : null));
                    }
                }
            }
        }
        Map<String, Object> model = model(filter, names);
        model.put("plan", p);
        model.put("actions", actions);
        model.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.put("counts", counts.entrySet().stream().map(e -> Map.of("tag", PlanWording.delivery(e.getKey()), "count", e.getValue())).toList());
        model.put("updatesAvailable", updates.available());
        return model;
    }

    private Map<String, Object> model(ActionFilter filter, Map<String, String> names) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("agencyOptions", names.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        model.put("deliveryOptions", PlanWording.DELIVERIES.stream().map(d -> Map.of("code", d, "text", PlanWording.delivery(d).text())).toList());
        return model;
    }

}
