package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.TimeBoundNotificationClient;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends through GOV.UK Notify with its Java client: one generic template whose subject is
 * {@code ((subject))} and body {@code ((body))}, filled with the message's subject and plain-text body
 * (Notify renders its own GOV.UK-style HTML), the outbox reference as Notify's {@code reference}, and the
 * unsubscribe link as Notify's one-click unsubscribe URL. Created at start-up, so a missing key or
 * template stops the gateway with a message.
 */
@Context
@Requires(condition = TransportSelection.Notify.class)
public class NotifyTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyTransport.class);

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern API_KEY = Pattern.compile(".+-" + UUID + "-" + UUID);

    private final NotificationClient client;
    private final String templateId;

    public NotifyTransport(NotifySettings settings) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            throw new ConfigurationException("E-mail is to be sent by GOV.UK Notify (" + TransportSelection.CHOICE
                    + "=notify) but QUADRANT_NOTIFY_API_KEY is not set");
        }
        if (settings.templateId() == null || settings.templateId().isBlank()) {
            throw new ConfigurationException("E-mail is to be sent by GOV.UK Notify but QUADRANT_NOTIFY_TEMPLATE_ID"
                    + " is not set (docs/operations.md: the generic template)");
        }
        String apiKey = settings.apiKey().trim();
        if (!API_KEY.matcher(apiKey).matches()) {
            // the client cuts the last 73 characters into the service id and the secret without checking
            throw new ConfigurationException("QUADRANT_NOTIFY_API_KEY is not a GOV.UK Notify API key"
                    + " ({key name}-{service id}-{secret key}, two UUIDs at the end)");
        }
        this.client = new TimeBoundNotificationClient(apiKey, settings.baseUrl(), settings.connectTimeout(),
                settings.readTimeout());
        this.templateId = settings.templateId().trim();
        LOG.info("Reminder e-mails: GOV.UK Notify at {}, template {}", settings.baseUrl(), templateId);
    }

    @Override
    public String name() {
        return "GOV.UK Notify";
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        Map<String, String> personalisation = Map.of("subject", message.subject(), "body", message.textBody());
        URI unsubscribe;
        try {
            unsubscribe = message.unsubscribe() == null ? null : URI.create(message.unsubscribe());
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("The unsubscribe link of " + message.reference() + " is not a URL", true, e);
        }
        try {
            client.sendEmail(templateId, message.to(), personalisation, message.reference(), null, unsubscribe);
        } catch (NotificationClientException e) {
            throw classify(e);
        }
    }

    /**
     * 400 (a bad address, a template that does not match) and 403 (a refused or revoked key) would fail
     * again; 429 (rate or daily limit), 5xx and no answer at all may not.
     */
    static DeliveryFailure classify(NotificationClientException e) {
        int status = e.getHttpResult();
        boolean permanent = status == 400 || status == 403;
        String reason = status > 0
                ? "GOV.UK Notify answered " + status + ": " + e.getMessage()
                : "GOV.UK Notify could not be reached: " + (e.getCause() == null ? e.getMessage() : e.getCause());
        return new DeliveryFailure(reason, permanent, e);
    }
}
