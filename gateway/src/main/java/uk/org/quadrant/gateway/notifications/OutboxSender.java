package uk.org.quadrant.gateway.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.notifications.OutboxMessage.Status;
import uk.org.quadrant.gateway.notifications.mail.DeliveryFailure;
import uk.org.quadrant.gateway.notifications.mail.MailTransport;
import uk.org.quadrant.gateway.notifications.mail.OutgoingMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Drains the outbox through the configured {@link MailTransport}. Each message is first claimed with
 * a conditional update (PENDING → SENDING), so of two gateways draining at once exactly one sends it.
 * A failure the transport calls temporary is tried again after {@code firstRetry}, doubled each time,
 * up to {@code maxAttempts}; a permanent one fails at once. A message left SENDING past
 * {@code sendingStuckAfter} (its gateway stopped mid-send) is marked failed and never re-sent: it may
 * already have left, and nothing is sent twice. Failures show on the outbox page and in the metrics
 * {@code quadrant_notifications_sent_total}, {@code quadrant_notifications_failed_total},
 * {@code quadrant_notifications_retries_total} and {@code quadrant_notifications_pending}.
 */
@Singleton
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    static final String INTERRUPTED = "The gateway stopped while sending this message, so it may or may not have been"
            + " delivered. It is not sent again automatically, so that it cannot arrive twice.";

    private final OutboxRepository outbox;
    private final BeanProvider<MailTransport> transport;
    private final NotificationSettings settings;
    private final String instance;
    private final Clock clock = Clock.systemUTC();
    private final Counter sent;
    private final Counter failed;
    private final Counter retries;

    /** What one drain did. */
    public record Drained(int sent, int failed) {
    }

    OutboxSender(OutboxRepository outbox, BeanProvider<MailTransport> transport, NotificationSettings settings,
                 MeterRegistry metrics) {
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.instance = hostname() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.sent = Counter.builder("quadrant.notifications.sent").description("Reminder e-mails handed to the transport")
                .register(metrics);
        this.failed = Counter.builder("quadrant.notifications.failed")
                .description("Reminder e-mails given up on (refused, out of attempts or interrupted)").register(metrics);
        this.retries = Counter.builder("quadrant.notifications.retries")
                .description("Reminder e-mails the transport did not accept, to be tried again").register(metrics);
        Gauge.builder("quadrant.notifications.pending", outbox, o -> o.countByStatus(Status.PENDING))
                .description("Reminder e-mails waiting to be sent").register(metrics);
    }

    /** Sends every message whose time has come; other gateways may be draining too. */
    public Drained drain() {
        Instant now = clock.instant();
        int interrupted = outbox.abandonInterrupted(now.minus(settings.sendingStuckAfter()), INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("{} reminder e-mail(s) were interrupted mid-send and are marked failed (not re-sent)", interrupted);
            failed.increment(interrupted);
        }
        int sentNow = 0;
        int failedNow = 0;
        while (true) {
            List<Long> due = outbox.due(now, BATCH);
            boolean claimedAny = false;
            for (Long id : due) {
                if (outbox.claim(id, instance, now) != 1) {
                    continue;   // another gateway took it
                }
                claimedAny = true;
                switch (deliver(id)) {
                    case SENT -> sentNow++;
                    case FAILED -> failedNow++;
                    default -> { }
                }
            }
            if (due.size() < BATCH || !claimedAny) {
                return new Drained(sentNow, failedNow);
            }
        }
    }

    private Status deliver(long id) {
        OutboxMessage m = outbox.findById(id).orElseThrow();
        MailTransport via = transport.get();
        OutgoingMessage message = new OutgoingMessage("quadrant-notice-" + id, m.toAddress(), m.subject(), m.textBody(),
                m.htmlBody(), m.unsubscribeUrl());
        try {
            via.send(message);
            outbox.sent(id, via.name(), clock.instant());
            if (AccountMail.carriesLink(m)) {
                outbox.withhold(id, AccountMail.WITHHELD);
            }
            sent.increment();
            return Status.SENT;
        } catch (DeliveryFailure e) {
            return failure(m, via, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            LOG.warn("Reminder {} to {}: the transport failed", id, m.recipient(), e);
            return failure(m, via, e.toString(), false);
        }
    }

    private Status failure(OutboxMessage m, MailTransport via, String reason, boolean permanent) {
        int attempts = m.attempts() + 1;
        String error = ReminderQueue.cut(reason == null ? "no reason given" : reason, 1000);
        if (permanent || attempts >= settings.maxAttempts()) {
            outbox.failed(m.id(), (permanent ? "Refused: " : "Gave up after " + attempts + " attempts: ") + error, via.name());
            failed.increment();
            LOG.warn("Reminder {} to {} failed for good: {}", m.id(), m.recipient(), error);
            return Status.FAILED;
        }
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        outbox.retryLater(m.id(), clock.instant().plus(wait), error, via.name());
        retries.increment();
        LOG.info("Reminder {} to {} not accepted ({}); trying again in {}", m.id(), m.recipient(), error, wait);
        return Status.PENDING;
    }

    private static String hostname() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "gateway" : host;
    }
}
