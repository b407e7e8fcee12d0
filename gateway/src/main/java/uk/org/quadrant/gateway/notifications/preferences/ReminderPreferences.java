package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's reminder choices: read, changed on their reminders page, or by an unsubscribe link. Every
 * change is written to the change log in the same transaction (entity {@code reminders}, the person's
 * username; changed by the person themselves), old and new choice of each kind that changed.
 * A statutory kind is never stored as OFF: asked to, it becomes the weekly digest.
 */
@Singleton
public class ReminderPreferences {

    static final String ENTITY = "reminders";

    private final ReminderPreferenceStore store;
    private final ChangeLogRepository changes;
    private final Clock clock = Clock.systemUTC();

    ReminderPreferences(ReminderPreferenceStore store, ChangeLogRepository changes) {
        this.store = store;
        this.changes = changes;
    }

    /** {@code user}'s choice for every kind ({@link Delivery#IMMEDIATE} where they made none). */
    @Transactional(readOnly = true)
    public Map<ReminderKind, Delivery> of(UserAccount user) {
        Map<ReminderKind, Delivery> stored = store.of(user.id());
        Map<ReminderKind, Delivery> out = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            out.put(kind, effective(kind, stored.getOrDefault(kind, Delivery.IMMEDIATE)));
        }
        return out;
    }

    /** Saves {@code chosen} (the caller checked that no statutory kind is OFF); logs what changed. */
    @Transactional
    public void save(UserAccount user, Map<ReminderKind, Delivery> chosen, String action) {
        Map<ReminderKind, Delivery> before = of(user);
        Map<ReminderKind, Delivery> changed = new EnumMap<>(ReminderKind.class);
        chosen.forEach((kind, delivery) -> {
            Delivery next = effective(kind, delivery);
            if (before.get(kind) != next) {
                store.set(user.id(), kind, next);
                changed.put(kind, next);
            }
        });
        if (!changed.isEmpty()) {
            List<ReminderKind> kinds = List.copyOf(changed.keySet());
            changes.save(new ChangeLogEntry(null, clock.instant(), user.username(), user.agencyCode(), ENTITY, user.username(),
                    action, describe(kinds, before), describe(kinds, changed)));
        }
    }

    /** The unsubscribe link: OFF, or the weekly digest for a statutory kind. Returns what it is now. */
    @Transactional
    public Delivery unsubscribe(UserAccount user, ReminderKind kind) {
        Delivery next = effective(kind, Delivery.OFF);
        save(user, Map.of(kind, next), "UNSUBSCRIBE");
        return next;
    }

    private static Delivery effective(ReminderKind kind, Delivery delivery) {
        return delivery == Delivery.OFF && kind.statutory() ? Delivery.WEEKLY_DIGEST : delivery;
    }

    private static String describe(List<ReminderKind> kinds, Map<ReminderKind, Delivery> deliveries) {
        return kinds.stream().map(k -> k.name() + "=" + deliveries.get(k).name()).collect(Collectors.joining("; "));
    }
}
