package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Set;

/**
 * A person who can sign in. Never serialised to clients: it holds the password hash.
 * {@code sessionsValidAfter} is the generation of their sessions: tokens carry the value it had when
 * their password was checked, and a token whose value is no longer current is refused (null: never
 * ended). Writers copy it from the current record; the version check keeps a stale copy from
 * overwriting a newer value. {@code email} is where reminders go (null: none are sent); writers copy it
 * like {@code sessionsValidAfter}.
 */
@MappedEntity("user_account")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String agencyCode,
        String roles,
        String passwordHash,
        boolean enabled,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant sessionsValidAfter,
        @Nullable String email) {

    @Creator
    public UserAccount {
    }

    /** An account without an e-mail address. */
    public UserAccount(@Nullable Long id, String username, String displayName, String agencyCode, String roles,
                       String passwordHash, boolean enabled, @Nullable Long version, Instant createdAt, Instant updatedAt,
                       @Nullable Instant sessionsValidAfter) {
        this(id, username, displayName, agencyCode, roles, passwordHash, enabled, version, createdAt, updatedAt,
                sessionsValidAfter, null);
    }

    /** A new account, or one whose sessions were never ended. */
    public UserAccount(@Nullable Long id, String username, String displayName, String agencyCode, String roles,
                       String passwordHash, boolean enabled, @Nullable Long version, Instant createdAt, Instant updatedAt) {
        this(id, username, displayName, agencyCode, roles, passwordHash, enabled, version, createdAt, updatedAt, null, null);
    }

    /**
     * The password hash of an invited account whose person has not yet chosen a password (issue 19): no
     * password matches it, so the account cannot sign in with one until the invitation link is used.
     */
    public static final String NO_PASSWORD = "!invited";

    /** False while an invitation is outstanding: no password has been chosen yet. */
    public boolean hasPassword() {
        return passwordHash != null && !NO_PASSWORD.equals(passwordHash);
    }

    public Set<Role> roleSet() {
        return Role.parse(roles);
    }

    public boolean isBoard() {
        return roleSet().stream().anyMatch(Role::isBoard);
    }
}
