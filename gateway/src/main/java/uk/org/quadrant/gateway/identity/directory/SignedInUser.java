package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * The facts a token carries about a person: no secrets. {@code sessionsValidAfter} is the account's
 * session generation as read together with the password hash that was checked (see {@link UserAccount}).
 */
public record SignedInUser(String username, String displayName, String agencyCode, Set<Role> roles,
                           @Nullable Instant sessionsValidAfter) {

    public boolean isBoard() {
        return roles.stream().anyMatch(Role::isBoard);
    }

    /** The generation as a token claim: epoch milliseconds, 0 while the account's sessions were never ended. */
    public long sessionGeneration() {
        return sessionsValidAfter == null ? 0L : sessionsValidAfter.toEpochMilli();
    }

    static SignedInUser of(UserAccount account) {
        return new SignedInUser(account.username(), account.displayName(), account.agencyCode(), account.roleSet(),
                account.sessionsValidAfter());
    }
}
