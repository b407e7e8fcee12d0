package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default when no mail server is configured: accepts every message and sends nothing. The
 * outbox row is the record of it, shown on the {@code /admin/outbox} page, so a newcomer sees what would
 * have been sent without a mail server.
 */
@Singleton
@Requires(condition = TransportSelection.Outbox.class)
public class LocalOutboxTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LocalOutboxTransport.class);

    public LocalOutboxTransport() {
        LOG.info("Reminder e-mails: {} (set QUADRANT_SMTP_HOST or QUADRANT_NOTIFY_API_KEY to send them)", name());
    }

    @Override
    public String name() {
        return "local outbox: no mail server configured";
    }

    @Override
    public void send(OutgoingMessage message) {
        // Nothing leaves the gateway: the outbox row already holds the message.
    }
}
