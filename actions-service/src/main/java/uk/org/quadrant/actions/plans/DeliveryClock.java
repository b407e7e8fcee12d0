package uk.org.quadrant.actions.plans;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.domain.Delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Computes an action's delivery RAG now, with the configured thresholds (UK local date). */
@Singleton
public class DeliveryClock {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final int dueSoonDays;
    private final int staleDays;

    @Inject
    DeliveryClock(@Value("${quadrant.delivery.due-soon-days:30}") int dueSoonDays,
                  @Value("${quadrant.delivery.stale-days:90}") int staleDays) {
        this(Clock.system(UK), dueSoonDays, staleDays);
    }

    /** On the given clock (a test holds time still with a fixed one); the date is still the UK's. */
    public DeliveryClock(Clock clock, int dueSoonDays, int staleDays) {
        this.clock = clock.withZone(UK);
        this.dueSoonDays = dueSoonDays;
        this.staleDays = staleDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The thresholds at this instant. A request takes one and uses it for its SQL ({@link DeliverySql})
     * and for the RAG it shows, so that both classify at the same moment.
     */
    public DeliveryNow now() {
        Instant now = clock.instant();
        return new DeliveryNow(LocalDate.ofInstant(now, UK), now, dueSoonDays, staleDays);
    }

    public Delivery of(PlanAction a) {
        return now().of(a);
    }
}
