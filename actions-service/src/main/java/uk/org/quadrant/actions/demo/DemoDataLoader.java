package uk.org.quadrant.actions.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.actions.businessplan.BusinessPlanItem;
import uk.org.quadrant.actions.businessplan.BusinessPlanRepository;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.SourceType;
import uk.org.quadrant.actions.plans.ActionPlan;
import uk.org.quadrant.actions.plans.ActionPlanRepository;
import uk.org.quadrant.actions.plans.PlanAction;
import uk.org.quadrant.actions.plans.PlanActionRepository;
import uk.org.quadrant.actions.progress.ActionUpdate;
import uk.org.quadrant.actions.progress.ActionUpdateRepository;
import uk.org.quadrant.common.csv.CsvRows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JTAI 2016 action plan, Child J's recommendations with their progress, and the 2018/19
 * business plan (classpath {@code demo/*.csv}), loaded into an empty embedded database at start-up;
 * on when {@code quadrant.demo-data.enabled} is true or, if unset, on the embedded H2 only.
 */
@Singleton
public class DemoDataLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String BY = "demo-data";

    private final ActionPlanRepository plans;
    private final PlanActionRepository actions;
    private final ActionUpdateRepository updates;
    private final BusinessPlanRepository businessPlan;
    private final ResourceLoader resources;
    private final Boolean enabled;
    private final String datasourceUrl;

    DemoDataLoader(ActionPlanRepository plans, PlanActionRepository actions, ActionUpdateRepository updates,
                   BusinessPlanRepository businessPlan, ResourceLoader resources,
                   @Nullable @Value("${quadrant.demo-data.enabled}") Boolean enabled,
                   @Value("${datasources.default.url}") String datasourceUrl) {
        this.plans = plans;
        this.actions = actions;
        this.updates = updates;
        this.businessPlan = businessPlan;
        this.resources = resources;
        this.enabled = enabled;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        boolean on = enabled != null ? enabled : datasourceUrl.startsWith("jdbc:h2:");
        if (on && plans.count() == 0) {
            load();
        }
    }

    void load() {
        Instant now = Instant.now();
        Map<String, Long> planIds = new HashMap<>();
        for (Map<String, String> r : read("plans.csv")) {
            ActionPlan saved = plans.save(new ActionPlan(null, r.get("title"), SourceType.valueOf(r.get("source_type")),
                    r.get("source_ref"), r.get("owner"), r.get("start_date") == null ? null : LocalDate.parse(r.get("start_date")),
                    BY, BY, now, null));
            planIds.put(r.get("key"), saved.id());
        }
        Map<String, Instant> lastUpdate = new HashMap<>();
        List<Map<String, String>> updateRows = read("updates.csv");
        for (Map<String, String> u : updateRows) {
            Instant at = LocalDate.parse(u.get("date")).atStartOfDay().toInstant(ZoneOffset.UTC);
            lastUpdate.merge(u.get("plan_key") + "/" + u.get("action_ref"), at, (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, Long> actionIds = new HashMap<>();
        for (Map<String, String> r : read("actions.csv")) {
            String key = r.get("plan_key") + "/" + r.get("ref");
            Instant created = plans.findById(planIds.get(r.get("plan_key"))).map(ActionPlan::startDate)
                    .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(now);
            PlanAction saved = actions.save(new PlanAction(null, planIds.get(r.get("plan_key")), r.get("ref"), r.get("issue"),
                    r.get("action"), r.get("outcome"), r.get("measure"), r.get("measure_indicator"), r.get("measure_comparator"),
                    r.get("measure_target") == null ? null : new BigDecimal(r.get("measure_target")), LocalDate.parse(r.get("due_date")),
                    r.get("lead_role"), r.get("lead_agency"), r.get("priority") == null ? null : Integer.valueOf(r.get("priority")),
                    ActionStatus.valueOf(r.get("status")), null, lastUpdate.get(key), BY, created, BY, now, null));
            actionIds.put(key, saved.id());
        }
        List<ActionUpdate> progress = new ArrayList<>();
        for (Map<String, String> u : updateRows) {
            Long actionId = actionIds.get(u.get("plan_key") + "/" + u.get("action_ref"));
            if (actionId == null) {
                throw new IllegalStateException("demo update for unknown action " + u.get("plan_key") + "/" + u.get("action_ref"));
            }
            progress.add(new ActionUpdate(null, actionId, LocalDate.parse(u.get("date")), BY, u.get("author_role"), u.get("agency"),
                    u.get("narrative"), u.get("difference"), null, u.get("status") == null ? null : ActionStatus.valueOf(u.get("status")), now));
        }
        updates.saveAll(progress);
        List<BusinessPlanItem> items = new ArrayList<>();
        for (Map<String, String> r : read("business_plan.csv")) {
            items.add(new BusinessPlanItem(null, r.get("plan_year"), r.get("kind"), Integer.parseInt(r.get("number")), r.get("title"),
                    r.get("means")));
        }
        businessPlan.saveAll(items);
        LOG.info("Demo data: {} plans, {} actions, {} progress updates, {} business-plan aims and priorities",
                planIds.size(), actionIds.size(), progress.size(), items.size());
    }

    private List<Map<String, String>> read(String name) {
        return CsvRows.read(resources.getResourceAsStream("classpath:demo/" + name)
                .orElseThrow(() -> new IllegalStateException("missing demo/" + name)));
    }
}
