package uk.org.quadrant.actions.plans;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryClockTest {

    private final Clock system = Clock.fixed(Instant.parse("2026-12-07T11:30:00Z"), ZoneId.of("UTC"));

    @Test
    void todayOrNothingIsTheSystemClock() {
        assertSame(system, DeliveryClock.asAt("today", system));
        assertSame(system, DeliveryClock.asAt(" ", system));
        assertSame(system, DeliveryClock.asAt(null, system));
    }

    @Test
    void aDateStartsTheClockThatDayAtTheSameTimeOfDay() {
        Clock asAt = DeliveryClock.asAt("2018-05-15", system);
        assertEquals(LocalDate.of(2018, 5, 15), LocalDate.now(asAt.withZone(DeliveryClock.UK)));
        assertEquals(LocalDate.of(2018, 5, 15), new DeliveryClock(asAt, 30, 90).today());
        // An offset of the system clock: time runs on from there.
        Clock later = DeliveryClock.asAt("2018-05-15", Clock.offset(system, Duration.ofHours(2)));
        assertTrue(later.instant().isAfter(asAt.instant()));
    }

    @Test
    void anythingElseIsRefusedAtStartWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeliveryClock.asAt("15/05/2018", system));
        assertTrue(e.getMessage().contains("QUADRANT_AS_AT"), e.getMessage());
    }
}
