package uk.org.quadrant.actions.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Delivery RAG of an action (issue 5): {@code COMPLETED} once done; {@code OVERDUE} past its
 * completion date; {@code AT_RISK} due within {@code dueSoonDays} or with no progress update for
 * {@code staleDays}; {@code ON_TRACK} otherwise.
 */
public enum Delivery {
    COMPLETED,
    OVERDUE,
    AT_RISK,
    ON_TRACK;

    /**
     * @param lastActivity the last progress update, or when the action was created if none
     */
    public static Delivery of(ActionStatus status, LocalDate due, Instant lastActivity, LocalDate today, Instant now,
                              int dueSoonDays, int staleDays) {
        if (status.isDone()) {
            return COMPLETED;
        }
        if (today.isAfter(due)) {
            return OVERDUE;
        }
        if (!due.isAfter(today.plusDays(dueSoonDays))) {
            return AT_RISK;
        }
        if (lastActivity != null && Duration.between(lastActivity, now).toDays() >= staleDays) {
            return AT_RISK;
        }
        return ON_TRACK;
    }
}
