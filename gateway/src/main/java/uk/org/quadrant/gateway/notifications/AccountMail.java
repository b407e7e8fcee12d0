package uk.org.quadrant.gateway.notifications;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.notifications.OutboxMessage.Status;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * E-mails about a person's own account (issue 19: invitations, password reset links, "your password was
 * changed"): written to the outbox like reminders (so nothing is lost and a failure is retried and shows
 * on the outbox page), then the outbox is drained at once on the blocking pool, so a reset link arrives
 * in seconds rather than at the next scheduled drain. Called inside a transaction, the message is written
 * in it (sent if and only if the change it reports is committed) and the drain starts after the commit.
 *
 * <p>A message that carries a sign-in link ({@link #LINK_TEMPLATES}) is never shown on the outbox page,
 * and once sent its body is overwritten ({@link OutboxSender}), so the link lives only in the person's
 * mailbox; it is never logged.
 */
@Singleton
public class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    /** Kind of every account message in the outbox. */
    public static final String KIND = "ACCOUNT";
    /** The templates whose body holds a single-use sign-in link. */
    public static final Set<String> LINK_TEMPLATES = Set.of("account-invitation", "account-reset-link");
    static final String WITHHELD = "(Not kept: this message carried a single-use link for its reader only.)";

    private final OutboxRepository outbox;
    private final MessageRenderer renderer;
    private final OutboxSender sender;
    private final ExecutorService executor;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock = Clock.systemUTC();

    AccountMail(OutboxRepository outbox, MessageRenderer renderer, OutboxSender sender,
                TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.renderer = renderer;
        this.sender = sender;
        // Its own thread, not the blocking pool: a task there inherits the caller's propagated context,
        // transaction and connection included, which is closed by the time the drain runs.
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "account-mail");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Queues one message to {@code toAddress} and starts sending it. */
    public void send(String username, String toAddress, String template, MessageContent content) {
        RenderedMessage m = renderer.renderAccountNotice(content);
        Instant now = clock.instant();
        outbox.save(new OutboxMessage(null, "account|" + template + "|" + username + "|" + UUID.randomUUID(), username, toAddress,
                KIND, template, null, ReminderQueue.cut(m.subject(), 300), m.text(), m.html(), null,
                content.actionPath() == null || LINK_TEMPLATES.contains(template) ? null : ReminderQueue.cut(content.actionPath(), 300),
                Status.PENDING, 0, now, null, null, null, null, null, now, null));
        Runnable drain = () -> executor.execute(() -> {
            try {
                sender.drain();
            } catch (RuntimeException e) {
                LOG.warn("Sending account e-mails failed; the outbox keeps them for the next drain: {}", e.toString());
            }
        });
        // Inside the caller's transaction the row is seen by the sender only once it commits.
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drain.run();
            }
        }), drain);
    }

    static boolean carriesLink(OutboxMessage m) {
        return LINK_TEMPLATES.contains(m.template());
    }
}
