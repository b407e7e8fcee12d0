package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder rules each morning ({@code quadrant.notifications.cron}) and the outbox drained every
 * {@code quadrant.notifications.send-every}, on every replica: the outbox's unique keys, the run's lock
 * row and the senders' claims make that safe. Off with {@code quadrant.notifications.scheduled: false}.
 */
@Singleton
@Requires(property = "quadrant.notifications.scheduled", notEquals = "false")
class ReminderSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);

    private final ReminderRun run;
    private final OutboxSender sender;

    ReminderSchedule(ReminderRun run, OutboxSender sender) {
        this.run = run;
        this.sender = sender;
    }

    @Scheduled(cron = "${quadrant.notifications.cron:0 0 7 * * *}")
    void daily() {
        try {
            run.run("scheduler");
        } catch (RuntimeException e) {
            LOG.error("The scheduled reminder run failed; the next run will pick up what it missed", e);
        }
    }

    @Scheduled(fixedDelay = "${quadrant.notifications.send-every:30s}", initialDelay = "${quadrant.notifications.send-every:30s}")
    void drain() {
        try {
            sender.drain();
        } catch (RuntimeException e) {
            LOG.warn("Draining the reminder outbox failed; trying again shortly: {}", e.toString());
        }
    }
}
