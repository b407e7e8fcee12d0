package uk.org.quadrant.actions.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Delivery RAG at every boundary, on a fixed clock: today is 2018-03-31. */
class DeliveryTest {

    private static final LocalDate TODAY = LocalDate.of(2018, 3, 31);
    private static final Instant NOW = Instant.parse("2018-03-31T12:00:00Z");

    @ParameterizedTest(name = "due {0}, last activity {1} days ago -> {2}")
    @CsvSource({
            "2018-03-30, 1,   OVERDUE",    // a day late
            "2018-03-31, 1,   AT_RISK",    // due today: not yet overdue
            "2018-04-30, 1,   AT_RISK",    // exactly 30 days away
            "2018-05-01, 1,   ON_TRACK",   // 31 days away
            "2018-05-01, 89,  ON_TRACK",   // no update for 89 days
            "2018-05-01, 90,  AT_RISK",    // no update for 90 days
            "2019-01-01, 400, AT_RISK",
            "2017-01-01, 0,   OVERDUE",
    })
    void openActions(LocalDate due, int daysSinceActivity, Delivery expected) {
        assertEquals(expected, Delivery.of(ActionStatus.IN_PROGRESS, due, NOW.minusSeconds(86_400L * daysSinceActivity),
                TODAY, NOW, 30, 90));
        assertEquals(expected, Delivery.of(ActionStatus.NOT_STARTED, due, NOW.minusSeconds(86_400L * daysSinceActivity),
                TODAY, NOW, 30, 90));
    }

    @ParameterizedTest
    @EnumSource(value = ActionStatus.class, names = {"COMPLETED", "CLOSED"})
    void doneIsCompletedEvenWhenLate(ActionStatus status) {
        assertEquals(Delivery.COMPLETED, Delivery.of(status, LocalDate.of(2016, 1, 1), NOW.minusSeconds(86_400L * 500),
                TODAY, NOW, 30, 90));
    }

    @ParameterizedTest
    @CsvSource({"7, 2018-04-08, ON_TRACK", "7, 2018-04-07, AT_RISK", "60, 2018-05-30, AT_RISK"})
    void thresholdsAreConfigurable(int dueSoonDays, LocalDate due, Delivery expected) {
        assertEquals(expected, Delivery.of(ActionStatus.IN_PROGRESS, due, NOW, TODAY, NOW, dueSoonDays, 90));
    }
}
