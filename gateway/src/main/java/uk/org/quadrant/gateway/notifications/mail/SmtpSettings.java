package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The SMTP relay ({@code quadrant.notifications.smtp.*}, from the {@code QUADRANT_SMTP_*} variables).
 *
 * @param host           the relay's host name ({@code QUADRANT_SMTP_HOST}); set, it makes SMTP the transport
 * @param port           its port ({@code QUADRANT_SMTP_PORT}, 587: submission with STARTTLS)
 * @param username       the user name ({@code QUADRANT_SMTP_USERNAME}, from a Secret); blank: no authentication
 * @param password       its password ({@code QUADRANT_SMTP_PASSWORD}, from a Secret)
 * @param tls            how the connection is protected ({@code QUADRANT_SMTP_TLS})
 * @param from           the From address ({@code QUADRANT_MAIL_FROM}); its host names the Message-IDs
 * @param connectTimeout the longest wait to connect to the relay
 * @param readTimeout    the longest wait for one reply (and for one write) once connected
 */
@ConfigurationProperties("quadrant.notifications.smtp")
public record SmtpSettings(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "STARTTLS") SmtpTls tls,
        @Nullable String from,
        @Bindable(defaultValue = "PT10S") Duration connectTimeout,
        @Bindable(defaultValue = "PT10S") Duration readTimeout) {

    /** Without the password: settings may be logged. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", tls=" + tls
                + ", from=" + from + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    /** Authenticate only when a user name is given (a relay that trusts the pod network needs none). */
    public boolean authenticates() {
        return username != null && !username.isBlank();
    }
}
