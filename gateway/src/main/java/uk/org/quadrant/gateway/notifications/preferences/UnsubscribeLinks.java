package uk.org.quadrant.gateway.notifications.preferences;

/**
 * Signed one-click unsubscribe links: the link alone (no sign-in) moves its holder's one kind of
 * reminder to OFF, or, for a statutory kind, to the weekly digest.
 */
public interface UnsubscribeLinks {

    /** The absolute URL for {@code username}'s {@code kind} of reminder. */
    String link(String username, ReminderKind kind);
}
