package uk.org.quadrant.actions.plans;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.domain.Delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Computes an action's delivery RAG now, with the configured thresholds (UK local date). */
@Singleton
public class DeliveryClock {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final int dueSoonDays;
    private final int staleDays;

    DeliveryClock(@Value("${quadrant.delivery.due-soon-days:30}") int dueSoonDays,
                  @Value("${quadrant.delivery.stale-days:90}") int staleDays) {
        this.clock = Clock.system(UK);
        this.dueSoonDays = dueSoonDays;
        this.staleDays = staleDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Delivery of(PlanAction a) {
        return Delivery.of(a.status(), a.dueDate(), a.lastUpdateAt() != null ? a.lastUpdateAt() : a.createdAt(),
                today(), clock.instant(), dueSoonDays, staleDays);
    }
}
