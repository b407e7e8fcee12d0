package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import java.util.List;
import java.util.Map;

/**
 * The recipients from the user directory: every enabled account with an e-mail address and its
 * choices, in two queries whatever the number of people (the accounts, then all their choices), read
 * in one transaction so the two agree.
 */
@Singleton
class DirectoryRecipients implements Recipients {

    private final UserAccountRepository users;
    private final ReminderPreferenceStore preferences;

    DirectoryRecipients(UserAccountRepository users, ReminderPreferenceStore preferences) {
        this.users = users;
        this.preferences = preferences;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> all() {
        List<UserAccount> accounts = users.findByEnabledTrueAndEmailIsNotNullOrderByUsername();
        Map<Long, Map<ReminderKind, Delivery>> choices = preferences.ofRecipients();
        return accounts.stream()
                .filter(u -> !u.email().isBlank())
                .map(u -> new Recipient(u.username(), u.displayName(), u.email(), u.agencyCode(), u.roleSet(),
                        choices.getOrDefault(u.id(), Map.of())))
                .toList();
    }
}
