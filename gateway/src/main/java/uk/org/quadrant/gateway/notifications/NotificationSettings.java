package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reminder settings ({@code quadrant.notifications.*}).
 *
 * @param scheduled           run the rules on {@code cron} and drain the outbox every {@code sendEvery} (off in tests,
 *                            which run them through the API)
 * @param cron                when the rules run each day (the gateway's zone)
 * @param sendEvery           how often the outbox is drained
 * @param returnsReminderDays a return's first reminder goes this many days before its deadline
 * @param boardMeetings       the board's meeting dates, ISO and comma-separated ({@code QUADRANT_BOARD_MEETINGS}):
 *                            the chair's digest goes {@code preMeetingDays} before each
 * @param preMeetingDays      how long before a meeting the chair's digest is due
 * @param digestDay           the day of the week the weekly digest is made (the first run on or after it in each week)
 * @param maxAttempts         how many times a message is tried before it is marked failed
 * @param firstRetry          the wait after the first failure; doubled after each further one
 * @param sendingStuckAfter   a message claimed this long ago and still not sent was interrupted: it is marked
 *                            failed, never sent again, so it cannot arrive twice
 * @param publicUrl           the address people reach the gateway at, for the links in messages
 */
@ConfigurationProperties("quadrant.notifications")
public record NotificationSettings(
        @Bindable(defaultValue = "true") boolean scheduled,
        @Bindable(defaultValue = "0 0 7 * * *") String cron,
        @Bindable(defaultValue = "PT30S") Duration sendEvery,
        @Bindable(defaultValue = "14") int returnsReminderDays,
        @Nullable String boardMeetings,
        @Bindable(defaultValue = "7") int preMeetingDays,
        @Bindable(defaultValue = "MONDAY") DayOfWeek digestDay,
        @Bindable(defaultValue = "5") int maxAttempts,
        @Bindable(defaultValue = "PT1M") Duration firstRetry,
        @Bindable(defaultValue = "PT10M") Duration sendingStuckAfter,
        @Bindable(defaultValue = "http://localhost:8080") String publicUrl) {

    public NotificationSettings {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The board's meeting dates; a date that is not ISO stops the gateway at start-up rather than being skipped. */
    public List<LocalDate> meetings() {
        if (boardMeetings == null || boardMeetings.isBlank()) {
            return List.of();
        }
        return Arrays.stream(boardMeetings.split(",")).map(String::trim).filter(d -> !d.isEmpty()).map(LocalDate::parse).toList();
    }

    /** An absolute link to a page of the gateway. */
    public String link(String path) {
        return publicUrl + path;
    }
}
