package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMTP relay with micronaut-email's JavaMail sender: multipart/alternative plain text +
 * HTML, From {@code QUADRANT_MAIL_FROM}, {@code Message-ID: <reference@from-host>}, and for a message that
 * can be switched off the one-click unsubscribe headers of RFC 8058. Created at start-up, so a missing
 * host or From address stops the gateway with a message instead of failing every reminder later.
 */
@Context
@Requires(condition = TransportSelection.Smtp.class)
public class SmtpTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);

    private final JavaxEmailSender sender;
    private final String name;
    private final Contact from;
    private final String messageIdHost;

    public SmtpTransport(SmtpSettings settings, JavaxEmailSender sender) {
        if (settings.host() == null || settings.host().isBlank()) {
            throw new ConfigurationException("E-mail is to be sent by SMTP (" + TransportSelection.CHOICE
                    + "=smtp) but QUADRANT_SMTP_HOST is not set");
        }
        if (settings.from() == null || settings.from().isBlank()) {
            throw new ConfigurationException("E-mail is to be sent by SMTP but QUADRANT_MAIL_FROM is not set");
        }
        this.sender = sender;
        this.name = "SMTP " + settings.host() + ":" + settings.port();
        InternetAddress address = fromAddress(settings.from().trim());
        this.from = new Contact(address.getAddress(), address.getPersonal());
        this.messageIdHost = hostOf(address);
        LOG.info("Reminder e-mails: {} ({}), from {}", name, settings.tls(), address.getAddress());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        if (!headerSafe(message.reference()) || (message.unsubscribe() != null && !headerSafe(message.unsubscribe()))) {
            throw new DeliveryFailure("The reference or unsubscribe link of " + message.reference()
                    + " cannot go in a header (a line break or angle bracket)", true);
        }
        Email email = Email.builder()
                .from(from)
                .to(message.to())
                .subject(message.subject())
                .body(new MultipartBody(message.htmlBody(), message.textBody()))
                .build();
        try {
            sender.send(email, composed -> addHeaders(composed, message));
        } catch (EmailException e) {
            throw SmtpFailures.classify(e);
        } catch (RuntimeException e) {
            // a header the consumer could not set (wrapped below), or anything else JavaMail threw
            throw SmtpFailures.classify(e.getCause() instanceof MessagingException cause ? cause : e);
        }
    }

    private void addHeaders(Message composed, OutgoingMessage message) {
        try {
            composed.setHeader("Message-ID", "<" + message.reference() + "@" + messageIdHost + ">");
            // RFC 3834: an automatic message, so auto-responders (out of office) do not answer it
            composed.setHeader("Auto-Submitted", "auto-generated");
            if (message.unsubscribe() != null) {
                composed.setHeader("List-Unsubscribe", "<" + message.unsubscribe() + ">");
                composed.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not set the headers of " + message.reference(), e);
        }
    }

    /** Goes between angle brackets in a header: no line break (a header of its own) and no bracket. */
    private static boolean headerSafe(String value) {
        return value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == '<' || c == '>');
    }

    /** "Quadrant <noreply@quadrant.example.org>" or a bare address. */
    private static InternetAddress fromAddress(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new ConfigurationException("QUADRANT_MAIL_FROM '" + from + "' is not an e-mail address: " + e.getMessage());
        }
    }

    /** The host part of the From address ("noreply@quadrant.example.org" → "quadrant.example.org"). */
    private static String hostOf(InternetAddress from) {
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new ConfigurationException("QUADRANT_MAIL_FROM '" + from + "' has no host part");
        }
        return address.substring(at + 1);
    }
}
