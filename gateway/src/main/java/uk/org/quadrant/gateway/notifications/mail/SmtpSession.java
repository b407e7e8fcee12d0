package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The JavaMail session micronaut-email's sender uses, built from {@link SmtpSettings} instead of raw
 * {@code javamail.properties}: one {@code QUADRANT_SMTP_TLS} value sets the several JavaMail switches it
 * needs, and the timeouts are always set (JavaMail's default is to wait for ever on a dead relay).
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(condition = TransportSelection.Smtp.class)
public class SmtpSession implements SessionProvider {

    private final Session session;

    public SmtpSession(SmtpSettings settings) {
        this.session = Session.getInstance(properties(settings), authenticator(settings));
    }

    @Override
    public Session session() {
        return session;
    }

    static Properties properties(SmtpSettings settings) {
        boolean implicitTls = settings.tls() == SmtpTls.TLS;
        String protocol = implicitTls ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", String.valueOf(settings.port()));
        properties.put(prefix + "connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", String.valueOf(settings.readTimeout().toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(settings.readTimeout().toMillis()));
        properties.put(prefix + "auth", String.valueOf(settings.authenticates()));
        switch (settings.tls()) {
            case STARTTLS -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
                properties.put(prefix + "ssl.checkserveridentity", "true");
            }
            case STARTTLS_IF_OFFERED -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.put(prefix + "ssl.enable", "true");
                properties.put(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> properties.put(prefix + "starttls.enable", "false");
        }
        return properties;
    }

    private static Authenticator authenticator(SmtpSettings settings) {
        if (!settings.authenticates()) {
            return null;
        }
        PasswordAuthentication credentials = new PasswordAuthentication(settings.username(),
                settings.password() == null ? "" : settings.password());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        };
    }
}
