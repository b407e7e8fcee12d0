package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.notifications.preferences.Recipient;
import uk.org.quadrant.gateway.notifications.preferences.ReminderKind;

/**
 * One message the rules decided to send to one person. Its {@link #key()} names what it is about
 * (recipient, reminder, subject and occasion) and is unique in the outbox, so the same reminder is
 * never queued twice, however many times or on however many replicas the rules run.
 *
 * @param kind      which of the person's choices applies ({@link Recipient#delivery})
 * @param template  the reminder ("returns-due", "value-returned", …)
 * @param subject   what it is about ("TVP:2017April", "action:7")
 * @param occasion  which time of asking ("before", "late-2", "v3", "2018-05")
 * @param agency    the agency whose data it carries, or null for the board's digests
 * @param recipient who it goes to
 * @param content   what it says
 */
public record Notice(ReminderKind kind, String template, String subject, String occasion, @Nullable String agency,
                     Recipient recipient, MessageContent content) {

    /** The outbox's unique key: the words themselves, or (past the column's 255) the template and their SHA-256. */
    public String key() {
        String key = template + "|" + subject + "|" + occasion + "|" + recipient.username();
        if (key.length() <= 255) {
            return key;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return template + "|sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
