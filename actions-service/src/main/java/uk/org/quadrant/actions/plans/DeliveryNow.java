package uk.org.quadrant.actions.plans;

import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The delivery thresholds at one instant ({@link DeliveryClock#now()}): the domain rule
 * {@link Delivery#of} for an action, and the same rule's parameters for SQL ({@link DeliverySql}).
 *
 * @param today the UK date at {@code now}
 */
public record DeliveryNow(LocalDate today, Instant now, int dueSoonDays, int staleDays) {

    private static final long DAY = 86_400;

    public Delivery of(PlanAction a) {
        return of(a.status(), a.dueDate(), a.lastUpdateAt(), a.createdAt());
    }

    /** The last activity is the last progress update, or the creation when there is none. */
    public Delivery of(ActionStatus status, LocalDate due, Instant lastUpdateAt, Instant createdAt) {
        return Delivery.of(status, due, lastUpdateAt != null ? lastUpdateAt : createdAt, today, now, dueSoonDays, staleDays);
    }

    /** The last due date that is "due soon" (at risk): {@code today + dueSoonDays}. */
    public LocalDate dueSoonLimit() {
        return today.plusDays(dueSoonDays);
    }

    /**
     * The latest last activity that makes an open action stale, for {@code last_activity <= cut-off} in SQL.
     * {@link Delivery#of} says stale when {@code Duration.between(last, now).toDays() >= staleDays}; {@code toDays()}
     * is the floored seconds of the duration divided by 86,400 and truncated towards zero. For {@code staleDays >= 1}
     * that holds exactly when {@code now - last >= staleDays × 86,400 s}; for {@code staleDays <= 0} exactly when
     * {@code now - last >= ((staleDays - 1) × 86,400 + 1) s} (a whole day's truncation towards zero on the negative
     * side). The columns hold milliseconds, so the cut-off is floored to the millisecond: for a value {@code t} in whole
     * milliseconds, {@code t <= c} exactly when {@code t <= floor(c)}, and no database rounds the parameter.
     */
    public Instant staleCutoff() {
        long seconds = staleDays >= 1 ? staleDays * DAY : (staleDays - 1L) * DAY + 1;
        return now.minusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
    }
}
