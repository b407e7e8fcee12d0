package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.BeanProvider;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.agency.AgencyTasks;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.identity.tokens.ServiceTokens;
import uk.org.quadrant.gateway.notifications.preferences.Recipient;
import uk.org.quadrant.gateway.notifications.preferences.Recipients;
import uk.org.quadrant.gateway.web.periods.Periods;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the reminder rules, as the scheduler makes it each morning and
 * {@code POST /api/v1/notifications/run} makes it on demand: read what every agency owes with the
 * gateway's service token, decide who is told what, write it to the outbox, then drain the outbox.
 * Running again the same day queues nothing new.
 */
@Singleton
public class ReminderRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderRun.class);

    private final AgencyTasks tasks;
    private final Downstream downstream;
    private final ServiceTokens serviceTokens;
    private final BeanProvider<Recipients> recipients;
    private final AgencyNames agencyNames;
    private final ReminderRules rules;
    private final ReminderQueue queue;
    private final OutboxSender sender;
    private final Periods periods;

    ReminderRun(AgencyTasks tasks, Downstream downstream, ServiceTokens serviceTokens, BeanProvider<Recipients> recipients,
                AgencyNames agencyNames, ReminderRules rules, ReminderQueue queue, OutboxSender sender, Periods periods) {
        this.tasks = tasks;
        this.downstream = downstream;
        this.serviceTokens = serviceTokens;
        this.recipients = recipients;
        this.agencyNames = agencyNames;
        this.rules = rules;
        this.queue = queue;
        this.sender = sender;
        this.periods = periods;
    }

    /**
     * What a run did: messages written to the outbox, and of those due now how many were sent and how many
     * failed for good; the services that did not answer (their reminders wait for the next run).
     */
    @Serdeable
    public record Result(int queued, int sent, int failed, List<String> unavailable) {
    }

    public Result run(String by) {
        LocalDate asAt = periods.asAt();
        AgencyTasks.Owed owed = tasks.everyAgency(downstream.forService(serviceTokens::token));
        List<String> unavailable = new ArrayList<>();
        if (!owed.values().available()) {
            unavailable.add(owed.values().service());
        }
        if (!owed.actions().available()) {
            unavailable.add(owed.actions().service());
        }
        List<Recipient> people = recipients.get().all();
        List<Notice> notices = rules.decide(owed, people, agencyNames.byCode(), asAt);
        int queued = queue.queue(notices, people, asAt, by);
        OutboxSender.Drained drained = sender.drain();
        LOG.info("Reminder run by {} as at {}: {} decided, {} queued, {} sent, {} failed{}", by, asAt, notices.size(), queued,
                drained.sent(), drained.failed(), unavailable.isEmpty() ? "" : "; not answering: " + unavailable);
        return new Result(queued, drained.sent(), drained.failed(), unavailable);
    }
}
