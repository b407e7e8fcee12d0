package uk.org.quadrant.gateway.notifications.mail;

/**
 * How the SMTP connection is protected ({@code QUADRANT_SMTP_TLS}).
 */
public enum SmtpTls {
    /** STARTTLS on the submission port, and refuse to send without it: the production default. */
    STARTTLS,
    /** STARTTLS when the relay offers it, plain otherwise: the embedded default, for a local test relay. */
    STARTTLS_IF_OFFERED,
    /** TLS from the first byte ("implicit TLS", usually port 465). */
    TLS,
    /** No TLS: only for a relay on the same host or pod network (a local relay, tests). */
    NONE
}
