package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Recipients#all()} on the real schema: enabled accounts with an address only, with their choices. */
@MicronautTest(transactional = false)
class RecipientsTest {

    @Inject
    Recipients recipients;
    @Inject
    UserAccountRepository users;
    @Inject
    ReminderPreferences preferences;
    @Inject
    DataSource dataSource;

    private UserAccount add(String username, String email, boolean enabled) {
        Instant now = Instant.now();
        return users.save(new UserAccount(null, username, username + " name", "CSC", "AGENCY_CONTRIBUTOR,AGENCY_LEAD",
                "$argon2id$unused", enabled, null, now, now, null, email));
    }

    /** A row written past the application's rules (an older version, a hand edit). */
    void storeRaw(long userId, String kind, String delivery) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO reminder_preference (user_id, kind, delivery) VALUES (?, ?, ?)")) {
            st.setLong(1, userId);
            st.setString(2, kind);
            st.setString(3, delivery);
            st.executeUpdate();
        }
    }

    private Recipient find(List<Recipient> all, String username) {
        return all.stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow(() -> new AssertionError(username));
    }

    @Test
    void enabledAccountsWithAnAddressOnlyWithTheirChoicesMapped() {
        UserAccount chosen = add("csc.rcpt", "rcpt@example.org", true);
        add("csc.noaddress", null, true);
        UserAccount disabled = add("csc.disabled", "disabled@example.org", false);
        preferences.save(chosen, Map.of(ReminderKind.DRAFT_READY, Delivery.OFF, ReminderKind.ACTIONS, Delivery.WEEKLY_DIGEST), "UPDATE");
        preferences.save(disabled, Map.of(ReminderKind.ACTIONS, Delivery.OFF), "UPDATE");

        List<Recipient> all = recipients.all();
        List<String> names = all.stream().map(Recipient::username).toList();
        assertFalse(names.contains("csc.noaddress"), "no address, no reminders");
        assertFalse(names.contains("csc.disabled"), "disabled accounts get nothing");
        assertTrue(names.contains("chair") && names.contains("manager") && names.contains("csc.lead"), "the demo users have addresses");

        Recipient r = find(all, "csc.rcpt");
        assertEquals("rcpt@example.org", r.email());
        assertEquals("csc.rcpt name", r.displayName());
        assertEquals("CSC", r.agency());
        assertEquals(Set.of(Role.AGENCY_CONTRIBUTOR, Role.AGENCY_LEAD), r.roles());
        assertEquals(Delivery.OFF, r.delivery(ReminderKind.DRAFT_READY));
        assertEquals(Delivery.WEEKLY_DIGEST, r.delivery(ReminderKind.ACTIONS));
        assertEquals(Delivery.IMMEDIATE, r.delivery(ReminderKind.RETURNS_DUE), "no choice: as it happens");
        assertEquals(Map.of(), find(all, "csc.lead").deliveries(), "someone who chose nothing");
        assertEquals("csc.lead@example.org", find(all, "csc.lead").email());
    }

    @Test
    void aStatutoryKindIsNeverOffEvenIfTheTableSaysSo() throws Exception {
        UserAccount u = add("tvp.rcpt", "tvp.rcpt@example.org", true);
        storeRaw(u.id(), "RETURNS_DUE", "OFF");
        storeRaw(u.id(), "NO_SUCH_KIND", "OFF");
        Recipient r = find(recipients.all(), "tvp.rcpt");
        assertEquals(Delivery.WEEKLY_DIGEST, r.delivery(ReminderKind.RETURNS_DUE));
        assertEquals(Delivery.WEEKLY_DIGEST, preferences.of(u).get(ReminderKind.RETURNS_DUE), "nor on the page");

        preferences.save(u, Map.of(ReminderKind.VALUE_RETURNED, Delivery.OFF), "UPDATE");
        assertEquals(Delivery.WEEKLY_DIGEST, find(recipients.all(), "tvp.rcpt").deliveries().get(ReminderKind.VALUE_RETURNED),
                "asked to store a statutory OFF, the digest is stored");
    }
}
