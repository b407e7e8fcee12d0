package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The table {@code reminder_preference} (V6): one row per person and kind they chose for; no row is
 * {@link Delivery#IMMEDIATE}. Rows naming a kind or delivery this version does not know are ignored.
 */
@Singleton
class ReminderPreferenceStore {

    private final JdbcOperations jdbc;

    ReminderPreferenceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One person's choices. */
    Map<ReminderKind, Delivery> of(long userId) {
        return jdbc.prepareStatement("SELECT user_id, kind, delivery FROM reminder_preference WHERE user_id = ?",
                (PreparedStatement st) -> {
                    st.setLong(1, userId);
                    return read(st).getOrDefault(userId, new EnumMap<>(ReminderKind.class));
                });
    }

    /** The choices of every enabled account with an e-mail address, by user id: one query. */
    Map<Long, Map<ReminderKind, Delivery>> ofRecipients() {
        return jdbc.prepareStatement("SELECT p.user_id, p.kind, p.delivery FROM reminder_preference p"
                + " JOIN user_account u ON u.id = p.user_id WHERE u.enabled = TRUE AND u.email IS NOT NULL", this::read);
    }

    /** Sets one choice (caller's transaction). */
    void set(long userId, ReminderKind kind, Delivery delivery) {
        int updated = jdbc.prepareStatement("UPDATE reminder_preference SET delivery = ? WHERE user_id = ? AND kind = ?",
                (PreparedStatement st) -> {
                    st.setString(1, delivery.name());
                    st.setLong(2, userId);
                    st.setString(3, kind.name());
                    return st.executeUpdate();
                });
        if (updated == 0) {
            jdbc.prepareStatement("INSERT INTO reminder_preference (user_id, kind, delivery) VALUES (?, ?, ?)",
                    (PreparedStatement st) -> {
                        st.setLong(1, userId);
                        st.setString(2, kind.name());
                        st.setString(3, delivery.name());
                        return st.executeUpdate();
                    });
        }
    }

    private Map<Long, Map<ReminderKind, Delivery>> read(PreparedStatement st) throws java.sql.SQLException {
        Map<Long, Map<ReminderKind, Delivery>> out = new HashMap<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ReminderKind kind = parse(ReminderKind.class, rs.getString("kind"));
                Delivery delivery = parse(Delivery.class, rs.getString("delivery"));
                if (kind != null && delivery != null) {
                    out.computeIfAbsent(rs.getLong("user_id"), id -> new EnumMap<>(ReminderKind.class)).put(kind, delivery);
                }
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
