package uk.org.quadrant.gateway.notifications.preferences;

import uk.org.quadrant.gateway.identity.directory.Role;

import java.util.Map;
import java.util.Set;

/**
 * Someone a reminder can be sent to: an enabled account with an e-mail address, and how they want
 * each kind of reminder ({@link #delivery}).
 */
public record Recipient(String username, String displayName, String email, String agency, Set<Role> roles,
                        Map<ReminderKind, Delivery> deliveries) {

    public Recipient {
        roles = Set.copyOf(roles);
        deliveries = Map.copyOf(deliveries);
    }

    /** Their choice for {@code kind}; {@link Delivery#IMMEDIATE} without one. A statutory kind is never OFF. */
    public Delivery delivery(ReminderKind kind) {
        Delivery d = deliveries.getOrDefault(kind, Delivery.IMMEDIATE);
        return d == Delivery.OFF && kind.statutory() ? Delivery.WEEKLY_DIGEST : d;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
