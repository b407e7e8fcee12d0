package uk.org.quadrant.actions.progress;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.plans.DeliveryClock;
import uk.org.quadrant.actions.plans.PlanAction;
import uk.org.quadrant.actions.plans.PlanActionRepository;
import uk.org.quadrant.actions.plans.PlanService;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Progress updates. The lead agency writes them (the board manager can too); an update may move the
 * action's status. Completing or closing needs a final update that says what difference it made;
 * closing, and re-opening a completed action, are the board manager's.
 */
@Singleton
public class ProgressService {

    private final ActionUpdateRepository updates;
    private final PlanActionRepository actions;
    private final PlanService plans;
    private final ChangeRecorder changes;
    private final DeliveryClock clock;

    ProgressService(ActionUpdateRepository updates, PlanActionRepository actions, PlanService plans, ChangeRecorder changes,
                    DeliveryClock clock) {
        this.updates = updates;
        this.actions = actions;
        this.plans = plans;
        this.changes = changes;
        this.clock = clock;
    }

    public List<ActionUpdate> list(long actionId) {
        plans.requireAction(actionId);
        return updates.of(actionId);
    }

    @Transactional
    public ActionUpdate add(long actionId, UpdateRequest request, Caller caller) {
        PlanAction action = plans.requireAction(actionId);
        if (!caller.mayWriteFor(action.leadAgency())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only " + action.leadAgency()
                    + " (the lead agency) or the board manager can update this action");
        }
        if (request.version() != null && !Objects.equals(request.version(), action.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else updated this action (now version " + action.version()
                    + "); reload it and try again");
        }
        ActionStatus next = request.status() == null ? action.status() : request.status();
        if (next != action.status()) {
            if (next == ActionStatus.CLOSED && !caller.isManager()) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the board manager closes an action");
            }
            if (action.status().isDone() && !next.isDone() && !caller.isManager()) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the board manager re-opens a " + action.status() + " action");
            }
        }
        if (next.isDone() && !action.status().isDone() && (request.difference() == null || request.difference().isBlank())) {
            throw new InvalidRequestException("difference", "say what difference this has made before the action is "
                    + next.name().toLowerCase());
        }
        LocalDate date = request.date() == null ? clock.today() : request.date();
        if (date.isAfter(clock.today())) {
            throw new InvalidRequestException("date", "an update cannot be dated in the future");
        }
        Instant now = Instant.now();
        // The action row first: its versioned update takes the row lock, so a concurrent update from the
        // same version waits, then fails the version check (409), instead of deadlocking against this
        // insert's foreign-key lock on MariaDB.
        actions.update(new PlanAction(action.id(), action.planId(), action.ref(), action.issue(), action.actionText(), action.outcome(),
                action.measure(), action.measureIndicator(), action.measureComparator(), action.measureTarget(), action.dueDate(),
                action.leadRole(), action.leadAgency(), action.priority(), next, action.sourceRef(), now, action.createdBy(),
                action.createdAt(), caller.username(), now, action.version()));
        ActionUpdate saved = updates.save(new ActionUpdate(null, actionId, date, caller.username(), request.authorRole(),
                caller.agency().isEmpty() ? "BOARD" : caller.agency(), request.narrative().trim(),
                request.difference() == null || request.difference().isBlank() ? null : request.difference().trim(),
                request.evidenceLink(), next == action.status() ? null : next, now));
        changes.record(caller, "action", Long.toString(actionId), "UPDATE", action.status().name(), saved);
        return saved;
    }
}
