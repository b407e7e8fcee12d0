package uk.org.quadrant.actions.plans;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stale cut-off that SQL compares with ({@code COALESCE(last_update_at, created_at) <= cut-off}) says
 * "stale" exactly when {@link Delivery#of} does, for last activities in whole milliseconds (what the columns
 * hold), around every whole day from 3 days in the future to 3 days past the threshold, with {@code now}
 * carrying digits below the millisecond, for any threshold (0 and negative ones included).
 */
class DeliveryNowTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:15:30.123456789Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    @ParameterizedTest(name = "stale after {0} days")
    @ValueSource(ints = {-2, -1, 0, 1, 2, 30, 90})
    void theCutOffSaysStaleExactlyWhenTheDomainRuleDoes(int staleDays) {
        DeliveryNow at = new DeliveryNow(TODAY, NOW, 0, staleDays);
        Instant cutoff = at.staleCutoff();
        LocalDate farAhead = TODAY.plusYears(1); // never due soon: only staleness decides
        Random random = new Random(staleDays);
        int checked = 0;
        for (long day = -3; day <= Math.max(staleDays, 0) + 3; day++) {
            for (long offsetMs : new long[]{-86_400_000, -1_000, -2, -1, 0, 1, 2, 1_000, random.nextInt(86_400_000)}) {
                // last activity in whole milliseconds, near NOW minus a whole number of days
                Instant last = NOW.minusSeconds(day * 86_400).plusMillis(offsetMs);
                for (Instant l : new Instant[]{last.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        last.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1)}) {
                    boolean staleInJava = Delivery.of(ActionStatus.IN_PROGRESS, farAhead, l, TODAY, NOW, 0, staleDays) == Delivery.AT_RISK;
                    assertEquals(staleInJava, !l.isAfter(cutoff), "last activity " + l + ", cut-off " + cutoff);
                    assertEquals(staleInJava ? Delivery.AT_RISK : Delivery.ON_TRACK, at.of(ActionStatus.IN_PROGRESS, farAhead, null, l));
                    checked++;
                }
            }
        }
        assertTrue(checked > 100);
    }
}
