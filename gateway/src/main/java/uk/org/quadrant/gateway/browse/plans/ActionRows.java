package uk.org.quadrant.gateway.browse.plans;

import uk.org.quadrant.gateway.web.words.Words;
import uk.org.quadrant.gateway.web.dates.DisplayDates;
import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An action from actions-service with what a page shows beside it: lead agency's name, delivery
 * and measure tags, the completion date in words, and (on the plan table) its latest update.
 * The service's own fields keep their names ({@code row.ref}).
 */
final class ActionRows {

    private ActionRows() {
    }

    /** One action as a table row or the action page shows it (public: templates read it). */
    public record ActionRow(long id, long planId, String ref, String issue, String action, @Nullable String outcome,
                            @Nullable String measure, @Nullable String measureIndicator, @Nullable BigDecimal measureValue,
                            @Nullable String measurePeriodLabel, @Nullable String measureStatus, @Nullable String leadRole,
                            String leadAgency, @Nullable Integer priority, String leadAgencyName, Words.Tag deliveryTag,
                            String statusLabel, String dueLabel, boolean hasMeasure, @Nullable Words.Tag measureTag,
                            String criterion, @Nullable UpdateRow latest, String planTitle) {

        ActionRow withPlanTitle(String title) {
            return new ActionRow(id, planId, ref, issue, action, outcome, measure, measureIndicator, measureValue,
                    measurePeriodLabel, measureStatus, leadRole, leadAgency, priority, leadAgencyName, deliveryTag,
                    statusLabel, dueLabel, hasMeasure, measureTag, criterion, latest, title);
        }
    }

    /** A progress update with its date in words (public: templates read it). */
    public record UpdateRow(@Nullable String agency, @Nullable String authorRole, @Nullable String narrative,
                            @Nullable String difference, @Nullable String evidenceLink, String dateLabel,
                            @Nullable String statusAfterLabel) {
    }

    static ActionRow row(Action action, Map<String, String> agencyNames, @Nullable ActionUpdate latest) {
        String lead = action.leadAgency();
        return new ActionRow(action.id(), action.planId(), action.ref(), action.issue(), action.action(), action.outcome(),
                action.measure(), action.measureIndicator(), action.measureValue(), action.measurePeriodLabel(),
                action.measureStatus(), action.leadRole(), lead, action.priority(),
                agencyNames.getOrDefault(String.valueOf(lead), String.valueOf(lead)),
                Words.delivery(action.delivery()), Words.of(action.status()), DisplayDates.longDate(action.dueDate()),
                action.measureIndicator() != null,
                action.measureStatus() == null ? null : Words.measure(action.measureStatus()),
                PlanWording.criterion(action.measureComparator(), action.measureTarget()),
                latest == null ? null : update(latest), "");
    }

    static UpdateRow update(ActionUpdate update) {
        return new UpdateRow(update.agency(), update.authorRole(), update.narrative(), update.difference(), update.evidenceLink(),
                DisplayDates.longDate(update.updateDate()),
                update.statusAfter() == null ? null : Words.of(update.statusAfter()));
    }
}
