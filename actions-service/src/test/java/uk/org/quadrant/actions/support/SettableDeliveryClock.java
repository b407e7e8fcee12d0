package uk.org.quadrant.actions.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.plans.DeliveryClock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * For a test that sets {@value #PROPERTY} (to its thresholds, "dueSoonDays,staleDays"): the service's
 * {@link DeliveryClock} reads time from {@link #CLOCK}, which stands still where the test puts it.
 */
@Factory
@Requires(property = SettableDeliveryClock.PROPERTY)
public class SettableDeliveryClock {

    public static final String PROPERTY = "quadrant.test.settable-delivery-clock";
    public static final Settable CLOCK = new Settable(Instant.parse("2026-01-01T12:00:00Z"));

    @Singleton
    @Replaces(DeliveryClock.class)
    DeliveryClock deliveryClock(@Value("${" + PROPERTY + "}") String thresholds) {
        String[] t = thresholds.split(",");
        return new DeliveryClock(CLOCK, Integer.parseInt(t[0].trim()), Integer.parseInt(t[1].trim()));
    }

    /** A clock that stands still where the test puts it. */
    public static final class Settable extends Clock {

        private volatile Instant now;

        Settable(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = Objects.requireNonNull(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/London");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // time is the same in every zone; DeliveryClock works out the UK date itself
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
