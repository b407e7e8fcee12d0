package uk.org.quadrant.actions.plans;

import uk.org.quadrant.actions.domain.DueWindow;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.actions.audits.AuditsClient.VouchedRecommendation;
import uk.org.quadrant.actions.audits.RecommendationCheck;
import uk.org.quadrant.actions.audits.RecommendationRequest;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.actions.domain.SourceType;
import uk.org.quadrant.actions.measures.Criterion;
import uk.org.quadrant.actions.measures.Measure;
import uk.org.quadrant.actions.measures.SuccessMeasures;
import uk.org.quadrant.common.paging.Paging;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and their actions. Every agency reads every plan (they are the partnership's); the board
 * manager writes plans and actions; a recommendation may be turned into an action by the board
 * manager or by the agency that will lead it.
 */
@Singleton
public class PlanService {

    private final ActionPlanRepository plans;
    private final PlanActionRepository actions;
    private final ActionQueries queries;
    private final Agencies agencies;
    private final ChangeRecorder changes;
    private final DeliveryClock delivery;
    private final SuccessMeasures measures;

    PlanService(ActionPlanRepository plans, PlanActionRepository actions, ActionQueries queries, Agencies agencies,
                ChangeRecorder changes, DeliveryClock delivery, SuccessMeasures measures) {
        this.plans = plans;
        this.actions = actions;
        this.queries = queries;
        this.agencies = agencies;
        this.changes = changes;
        this.delivery = delivery;
        this.measures = measures;
    }

    public List<PlanView> list() {
        return plans.listInOrder().stream().map(p -> view(p, List.of())).toList();
    }

    public PlanView get(long id, String authorization) {
        ActionPlan plan = requirePlan(id);
        return view(plan, views(actions.inPlan(id), authorization));
    }

    public ActionView action(long id, String authorization) {
        return views(List.of(requireAction(id)), authorization).get(0);
    }

    public PlanAction requireAction(long id) {
        return actions.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No action " + id));
    }

    /** One page of the filtered actions (or all of them), and how many the filter selects in all. */
    public record ActionList(List<ActionView> views, long total) {
    }

    /**
     * The actions by due date, filtered and paged in SQL ({@link ActionQueries}); the live measures only for
     * the actions returned (after the database's transaction: no connection is held during that call).
     */
    public ActionList actions(String agency, Delivery wanted, Integer priority, DueWindow due, Paging paging, String authorization) {
        if (agency != null && !agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        DeliveryNow at = delivery.now();
        ActionQueries.Selection selected = queries.select(new ActionQueries.Filter(agency, priority, wanted, due), at, paging);
        return new ActionList(views(selected.rows(), authorization, at), selected.total());
    }

    /** Views with live measures: one call to indicators-service for the lot. */
    public List<ActionView> views(List<PlanAction> list, String authorization) {
        return views(list, authorization, delivery.now());
    }

    private List<ActionView> views(List<PlanAction> list, String authorization, DeliveryNow at) {
        Map<Long, Measure> live = authorization == null ? Map.of() : measures.evaluate(list.stream()
                .map(a -> new Criterion(a.id(), a.measureIndicator(), a.measureComparator(), a.measureTarget())).toList(), authorization);
        return list.stream().map(a -> view(a, live.get(a.id()), at)).toList();
    }

    @Transactional
    public PlanView create(PlanRequest request, Caller caller) {
        requireSourceFree(request, null);
        ActionPlan plan = plans.save(new ActionPlan(null, request.title().trim(), request.sourceType(), request.sourceRef(),
                request.owner(), request.startDate(), caller.username(), caller.username(), Instant.now(), null));
        PlanView view = view(plan, List.of());
        changes.record(caller, "plan", plan.id().toString(), "CREATE", null, view);
        return view;
    }

    @Transactional
    public ActionView addAction(long planId, ActionRequest r, Caller caller, String authorization) {
        ActionPlan plan = requirePlan(planId);
        List<FieldError> errors = checks(plan, r);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (r.measureIndicator() != null) {
            measures.checkIndicatorExists(r.measureIndicator(), authorization);
        }
        Instant now = Instant.now();
        PlanAction saved = actions.save(new PlanAction(null, planId, r.ref().trim(), r.issue().trim(), r.action().trim(), r.outcome(),
                r.measure(), r.measureIndicator(), r.measureComparator(), r.measureTarget(), r.dueDate(), r.leadRole().trim(),
                r.leadAgency(), r.priority(), ActionStatus.NOT_STARTED, null, null, caller.username(), now, caller.username(), now, null));
        ActionView view = view(saved);
        changes.record(caller, "action", saved.id().toString(), "CREATE", null, view);
        return view;
    }

    public Optional<ActionView> fromSource(String sourceRef) {
        return actions.findBySourceRef(sourceRef).map(this::view);
    }

    /**
     * One plan per source (the database's unique key): a second plan for the same audit or review is a
     * 409 naming the first, not a constraint violation answered as a 500 (found by the hostile-input test).
     */
    private void requireSourceFree(PlanRequest request, Long self) {
        if (request.sourceRef() == null) {
            return;
        }
        plans.findFirstBySourceTypeAndSourceRef(request.sourceType(), request.sourceRef())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new HttpStatusException(HttpStatus.CONFLICT, "Plan " + other.id() + " is already the plan for this "
                            + request.sourceType() + " (" + request.sourceRef() + ")");
                });
    }

    /** SMART-definition checks shared by creating and editing an action. */
    private List<FieldError> checks(ActionPlan plan, ActionRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (!agencies.exists(r.leadAgency())) {
            errors.add(new FieldError("leadAgency", "is not a known agency code"));
        }
        if (plan.startDate() != null && r.dueDate().isBefore(plan.startDate())) {
            errors.add(new FieldError("dueDate", "is before the plan starts (" + plan.startDate() + ")"));
        }
        boolean anyMeasure = r.measureIndicator() != null || r.measureComparator() != null || r.measureTarget() != null;
        if (anyMeasure) {
            if (r.measureIndicator() == null) {
                errors.add(new FieldError("measureIndicator", "is required for a measurable criterion"));
            }
            if (r.measureComparator() == null) {
                errors.add(new FieldError("measureComparator", "is required for a measurable criterion (GTE or LTE)"));
            }
            if (r.measureTarget() == null) {
                errors.add(new FieldError("measureTarget", "is required for a measurable criterion"));
            }
        }
        return errors;
    }

    @Transactional
    public PlanView updatePlan(long id, PlanRequest request, Long version, Caller caller, String authorization) {
        ActionPlan current = requirePlan(id);
        requireVersion(version, current.version(), "plan");
        requireSourceFree(request, id);
        ActionPlan updated = plans.update(new ActionPlan(id, request.title().trim(), request.sourceType(), request.sourceRef(),
                request.owner(), request.startDate(), current.createdBy(), caller.username(), Instant.now(), current.version()));
        changes.record(caller, "plan", Long.toString(id), "UPDATE", view(current, List.of()), view(updated, List.of()));
        return get(id, authorization);
    }

    /** The board manager edits an action's SMART definition; its status moves through progress updates. */
    @Transactional
    public ActionView updateAction(long id, ActionRequest r, Long version, Caller caller, String authorization) {
        PlanAction current = requireAction(id);
        requireVersion(version, current.version(), "action");
        List<FieldError> errors = checks(requirePlan(current.planId()), r);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (r.measureIndicator() != null && !r.measureIndicator().equals(current.measureIndicator())) {
            measures.checkIndicatorExists(r.measureIndicator(), authorization);
        }
        PlanAction updated = actions.update(new PlanAction(id, current.planId(), r.ref().trim(), r.issue().trim(), r.action().trim(),
                r.outcome(), r.measure(), r.measureIndicator(), r.measureComparator(), r.measureTarget(), r.dueDate(),
                r.leadRole().trim(), r.leadAgency(), r.priority(), current.status(), current.sourceRef(), current.lastUpdateAt(),
                current.createdBy(), current.createdAt(), caller.username(), Instant.now(), current.version()));
        changes.record(caller, "action", Long.toString(id), "UPDATE", view(current), view(updated));
        return views(List.of(updated), authorization).get(0);
    }

    private static void requireVersion(Long given, Long current, String what) {
        if (given == null) {
            throw new InvalidRequestException("version", "is required to change a " + what + " (it is " + current + ")");
        }
        if (!given.equals(current)) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this " + what + " (now version " + current
                    + "); reload it and try again");
        }
    }

    /** The action already made from this recommendation, or a new one; {@code created} says which. */
    public record FromRecommendation(ActionView action, boolean created) {
    }

    /**
     * The action for a recommendation audits-service has stated ({@link RecommendationCheck}, asked before
     * this transaction): the one made before, or a new one in the plan of the finding's audit (created if
     * needed). The text, plan and lead are audits-service's (the request matched them); the request adds
     * only lead role, due date and priority.
     */
    @Transactional
    public FromRecommendation fromRecommendation(VouchedRecommendation v, RecommendationRequest r, Caller caller) {
        Optional<PlanAction> existing = actions.findBySourceRef(v.sourceRef());
        if (existing.isPresent()) {
            return new FromRecommendation(view(existing.get()), false);
        }
        ActionPlan plan = plans.findFirstBySourceTypeAndSourceRef(SourceType.AUDIT, v.planSourceRef()).orElseGet(() -> {
            ActionPlan created = plans.save(new ActionPlan(null, v.planTitle().trim(), SourceType.AUDIT, v.planSourceRef(), null,
                    null, caller.username(), caller.username(), Instant.now(), null));
            changes.record(caller, "plan", created.id().toString(), "CREATE", null, view(created, List.of()));
            return created;
        });
        Instant now = Instant.now();
        String ref = Long.toString(actions.countByPlanId(plan.id()) + 1);
        PlanAction saved = actions.save(new PlanAction(null, plan.id(), ref, v.issue().trim(), v.action().trim(), null, null,
                null, null, null, r.dueDate() == null ? delivery.today().plusMonths(6) : r.dueDate(),
                r.leadRole() == null ? "To be confirmed by the lead agency" : r.leadRole(), v.leadAgency(), r.priority(),
                ActionStatus.NOT_STARTED, v.sourceRef(), null, caller.username(), now, caller.username(), now, null));
        ActionView view = view(saved);
        changes.record(caller, "action", saved.id().toString(), "CREATE_FROM_RECOMMENDATION", null, view);
        return new FromRecommendation(view, true);
    }

    private ActionPlan requirePlan(long id) {
        return plans.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No plan " + id));
    }

    private PlanView view(ActionPlan p, List<ActionView> actionViews) {
        return new PlanView(p.id(), p.title(), p.sourceType(), p.sourceRef(), p.owner(), p.startDate(), p.version(), actionViews);
    }

    ActionView view(PlanAction a) {
        return view(a, null, delivery.now());
    }

    private ActionView view(PlanAction a, Measure measure, DeliveryNow at) {
        Measure m = a.measureIndicator() == null ? null : (measure == null ? Measure.UNAVAILABLE : measure);
        return new ActionView(a.id(), a.planId(), a.ref(), a.issue(), a.actionText(), a.outcome(), a.measure(), a.measureIndicator(),
                a.measureComparator(), SuccessMeasures.plain(a.measureTarget()), a.dueDate(),
                a.leadRole(), a.leadAgency(), a.priority(), a.status(), at.of(a),
                m == null ? null : m.status(), m == null ? null : m.latestValue(), m == null ? null : m.latestPeriod(),
                m == null ? null : m.latestPeriodLabel(), a.sourceRef(), a.lastUpdateAt(), a.updatedBy(), a.updatedAt(), a.version());
    }
}
