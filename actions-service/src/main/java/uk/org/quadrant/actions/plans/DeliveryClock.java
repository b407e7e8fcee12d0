package uk.org.quadrant.actions.plans;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.domain.Delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Computes an action's delivery RAG now, with the configured thresholds (UK local date). "Now" is
 * today unless {@code quadrant.delivery.as-at} ({@code QUADRANT_AS_AT}, the same setting the gateway
 * reads) names a date: then the clock starts that day and runs on from there, so that the demo's
 * 2017/18 actions are overdue or due soon as the gateway's "as at" date says, and not as of today.
 */
@Singleton
public class DeliveryClock {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final int dueSoonDays;
    private final int staleDays;

    @Inject
    DeliveryClock(@Value("${quadrant.delivery.due-soon-days:30}") int dueSoonDays,
                  @Value("${quadrant.delivery.stale-days:90}") int staleDays,
                  @Value("${quadrant.delivery.as-at:today}") String asAt) {
        this(asAt(asAt, Clock.system(UK)), dueSoonDays, staleDays);
    }

    /** The system clock, or one that began the given ISO date at the moment the service started and runs on. */
    static Clock asAt(String asAt, Clock system) {
        String date = asAt == null ? "" : asAt.strip();
        if (date.isEmpty() || date.equalsIgnoreCase("today")) {
            return system;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quadrant.delivery.as-at (QUADRANT_AS_AT) must be today or a date such as 2018-05-15, not " + date, e);
        }
        LocalDate today = LocalDate.now(system.withZone(UK));
        return Clock.offset(system, Duration.between(today.atStartOfDay(UK), day.atStartOfDay(UK)));
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
