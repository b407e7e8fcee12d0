package uk.org.quadrant.gateway.notifications;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * When a return is reminded about: {@code returns-reminder-days} before its deadline, on the day, then
 * once a week while it is late. A run that was missed catches up with the reminder due at that moment,
 * never with the ones it missed.
 */
class ReminderOccasionsTest {

    private final ReminderRules rules = new ReminderRules(new NotificationSettings(false, "0 0 7 * * *", Duration.ofSeconds(30),
            14, "2018-05-21", 7, DayOfWeek.MONDAY, 5, Duration.ofMinutes(1), Duration.ofMinutes(10), "http://localhost:8080"));
    private final LocalDate deadline = LocalDate.of(2018, 4, 30);

    @Test
    void aReturnIsRemindedBeforeOnTheDayAndWeeklyWhileLate() {
        assertNull(rules.returnsOccasion(deadline, deadline.minusDays(15)), "too early");
        assertEquals("before", rules.returnsOccasion(deadline, deadline.minusDays(14)));
        assertEquals("before", rules.returnsOccasion(deadline, deadline.minusDays(1)));
        assertEquals("due", rules.returnsOccasion(deadline, deadline));
        assertEquals("due", rules.returnsOccasion(deadline, deadline.plusDays(6)), "a missed run on the day catches up");
        assertEquals("late-1", rules.returnsOccasion(deadline, deadline.plusDays(7)));
        assertEquals("late-1", rules.returnsOccasion(deadline, deadline.plusDays(13)));
        assertEquals("late-2", rules.returnsOccasion(deadline, deadline.plusDays(14)));
        assertEquals("late-2", rules.returnsOccasion(deadline, LocalDate.of(2018, 5, 15)));
    }

    @Test
    void meetingDatesAreReadFromOneCommaSeparatedSetting() {
        assertEquals(java.util.List.of(LocalDate.of(2018, 5, 21)), rules(" 2018-05-21 ").meetings());
        assertEquals(java.util.List.of(LocalDate.of(2018, 5, 21), LocalDate.of(2018, 7, 16)), rules("2018-05-21,2018-07-16").meetings());
        assertEquals(java.util.List.of(), rules("").meetings());
    }

    private static NotificationSettings rules(String meetings) {
        return new NotificationSettings(false, "", Duration.ofSeconds(30), 14, meetings, 7, DayOfWeek.MONDAY, 5,
                Duration.ofMinutes(1), Duration.ofMinutes(10), "http://localhost:8080/");
    }
}
