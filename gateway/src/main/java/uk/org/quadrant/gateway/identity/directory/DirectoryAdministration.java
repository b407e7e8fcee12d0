package uk.org.quadrant.gateway.identity.directory;

import uk.org.quadrant.common.changelog.ChangeLogEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * The board manager's changes to users and agencies. Each change checks the version the manager
 * saw (optimistic locking), and is written to the change log in the same transaction, so the log
 * never misses a change and never records one that did not happen. Input is validated by the caller;
 * this class keeps the rules that need the database (unique usernames and codes, versions).
 */
@Singleton
public class DirectoryAdministration {

    /** Who made a change, as the change log records it. */
    public record ChangedBy(String username, String agencyCode) {
    }

    /** The record changed since the manager opened it; carries what it holds now. */
    public static class StaleVersionException extends RuntimeException {
        private final transient Object current;

        StaleVersionException(Object current) {
            super("Someone else changed this record");
            this.current = current;
        }

        public Object current() {
            return current;
        }
    }

    /** The username or agency code is taken. */
    public static class AlreadyExistsException extends RuntimeException {
        AlreadyExistsException(String what) {
            super(what + " already exists");
        }
    }

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final ChangeLogRepository changes;
    private final PasswordHasher hasher;
    private final Clock clock = Clock.systemUTC();

    DirectoryAdministration(UserAccountRepository users, AgencyRepository agencies, ChangeLogRepository changes,
                            PasswordHasher hasher) {
        this.users = users;
        this.agencies = agencies;
        this.changes = changes;
        this.hasher = hasher;
    }

    /** A user without an e-mail address (the bootstrap command's first manager). */
    @Transactional
    public UserAccount addUser(String username, String displayName, String agencyCode, Set<Role> roles,
                               String password, ChangedBy by) {
        return addUser(username, displayName, agencyCode, roles, null, password, by);
    }

    /** {@code email}: checked by the caller ({@link EmailAddresses}), or null for none. */
    @Transactional
    public UserAccount addUser(String username, String displayName, String agencyCode, Set<Role> roles,
                               @Nullable String email, String password, ChangedBy by) {
        if (!Usernames.canonical(username).filter(username::equals).isPresent()) {
            throw new IllegalArgumentException("Not a canonical username: " + username);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new AlreadyExistsException("User " + username);
        }
        Instant now = clock.instant();
        UserAccount saved = users.save(new UserAccount(null, username, displayName, agencyCode, Role.format(roles),
                hasher.hash(password), true, null, now, now, null, email));
        record(by, "user", username, "CREATE", null, describe(saved));
        return saved;
    }

    /**
     * An invited user (issue 19): the account exists, enabled, with no password ({@link UserAccount#NO_PASSWORD})
     * until its person uses the invitation link. {@code email} is required: the invitation goes there.
     */
    @Transactional
    public UserAccount addInvitedUser(String username, String displayName, String agencyCode, Set<Role> roles,
                                      String email, ChangedBy by) {
        if (!Usernames.canonical(username).filter(username::equals).isPresent()) {
            throw new IllegalArgumentException("Not a canonical username: " + username);
        }
        if (users.findByUsername(username).isPresent()) {
            throw new AlreadyExistsException("User " + username);
        }
        Instant now = clock.instant();
        UserAccount saved = users.save(new UserAccount(null, username, displayName, agencyCode, Role.format(roles),
                UserAccount.NO_PASSWORD, true, null, now, now, null, Objects.requireNonNull(email)));
        record(by, "user", username, "CREATE", null, describe(saved) + "; password=(invited: chosen by the person)");
        return saved;
    }

    /**
     * The person set their own password from an invitation or reset link (issue 19): hashed by the caller,
     * never logged. Every session and token issued before ends. The change log entry is the caller's
     * (accounts.AccountEvents), in the same transaction.
     */
    @Transactional
    public UserAccount setOwnPassword(long id, String passwordHash) {
        UserAccount current = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        UserAccount next = new UserAccount(current.id(), current.username(), current.displayName(), current.agencyCode(),
                current.roles(), passwordHash, current.enabled(), current.version(), current.createdAt(), clock.instant(),
                nextGeneration(current.sessionsValidAfter()), current.email());
        return update(next, current);
    }

    @Transactional
    public UserAccount updateUser(long id, long version, String displayName, String agencyCode, Set<Role> roles,
                                  @Nullable String email, ChangedBy by) {
        UserAccount current = currentUser(id, version);
        UserAccount next = new UserAccount(current.id(), current.username(), displayName, agencyCode, Role.format(roles),
                current.passwordHash(), current.enabled(), current.version(), current.createdAt(), clock.instant(),
                current.sessionsValidAfter(), email);
        return saveUser(current, next, "UPDATE", by);
    }

    /** Disabling also ends every session and token the user holds, on the next request they make. */
    @Transactional
    public UserAccount setEnabled(long id, long version, boolean enabled, ChangedBy by) {
        UserAccount current = currentUser(id, version);
        UserAccount next = new UserAccount(current.id(), current.username(), current.displayName(), current.agencyCode(),
                current.roles(), current.passwordHash(), enabled, current.version(), current.createdAt(), clock.instant(),
                enabled ? current.sessionsValidAfter() : nextGeneration(current.sessionsValidAfter()), current.email());
        return saveUser(current, next, enabled ? "ENABLE" : "DISABLE", by);
    }

    /**
     * The new password is hashed here and never logged: the change log says only that it was reset.
     * Every session and token issued before ends (the caller re-issues the manager's own session).
     */
    @Transactional
    public UserAccount resetPassword(long id, long version, String password, ChangedBy by) {
        UserAccount current = currentUser(id, version);
        UserAccount next = new UserAccount(current.id(), current.username(), current.displayName(), current.agencyCode(),
                current.roles(), hasher.hash(password), current.enabled(), current.version(), current.createdAt(), clock.instant(),
                nextGeneration(current.sessionsValidAfter()), current.email());
        UserAccount saved = update(next, current);
        record(by, "user", current.username(), "RESET_PASSWORD", null, "password reset (not recorded)");
        return saved;
    }

    /**
     * A person's own new password (its current one checked by the caller): hashed here, never logged.
     * Every session and token issued before ends, the caller's own included (the caller re-issues it).
     */
    @Transactional
    public UserAccount changeOwnPassword(String username, String password) {
        UserAccount current = users.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("No such user: " + username));
        UserAccount next = new UserAccount(current.id(), current.username(), current.displayName(), current.agencyCode(),
                current.roles(), hasher.hash(password), current.enabled(), current.version(), current.createdAt(), clock.instant(),
                nextGeneration(current.sessionsValidAfter()), current.email());
        UserAccount saved = update(next, current);
        record(new ChangedBy(current.username(), current.agencyCode()), "user", current.username(), "CHANGE_OWN_PASSWORD", null,
                "password changed by its holder (not recorded)");
        return saved;
    }

    /**
     * Sign-out: ends every session and token of {@code username} issued before now. Not a change to the
     * directory, so not in the change log; it bumps the version like any write, so a manager's form
     * opened before cannot write the old generation back.
     */
    @Transactional
    public void endSessions(String username) {
        users.findByUsername(username).ifPresent(current ->
                users.endSessions(current.id(), nextGeneration(current.sessionsValidAfter())));
    }

    /** Now, to the millisecond the column keeps, and always different from the current value. */
    private Instant nextGeneration(Instant current) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return current != null && !now.isAfter(current) ? current.plusMillis(1) : now;
    }

    @Transactional
    public Agency addAgency(String code, String name, ChangedBy by) {
        if (agencies.existsById(code)) {
            throw new AlreadyExistsException("Agency " + code);
        }
        Agency saved = agencies.save(new Agency(code, name));
        record(by, "agency", code, "CREATE", null, "name=" + name);
        return saved;
    }

    @Transactional
    public Agency renameAgency(String code, long version, String name, ChangedBy by) {
        Agency current = agencies.findById(code).orElseThrow(() -> new IllegalArgumentException("No agency " + code));
        if (!Objects.equals(current.version(), version)) {
            throw new StaleVersionException(current);
        }
        Agency saved;
        try {
            saved = agencies.update(new Agency(code, name, current.version()));
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(agencies.findById(code).orElse(current));
        }
        record(by, "agency", code, "RENAME", "name=" + current.name(), "name=" + name);
        return saved;
    }

    private UserAccount currentUser(long id, long version) {
        UserAccount current = users.findById(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        if (!Objects.equals(current.version(), version)) {
            throw new StaleVersionException(current);
        }
        return current;
    }

    private UserAccount saveUser(UserAccount current, UserAccount next, String action, ChangedBy by) {
        UserAccount saved = update(next, current);
        record(by, "user", current.username(), action, describe(current), describe(saved));
        return saved;
    }

    private UserAccount update(UserAccount next, UserAccount current) {
        try {
            return users.update(next);
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(users.findById(current.id()).orElse(current));
        }
    }

    private void record(ChangedBy by, String type, String id, String action, String oldValue, String newValue) {
        changes.save(new ChangeLogEntry(null, clock.instant(), by.username(), by.agencyCode(), type, id, action, oldValue, newValue));
    }

    /** The user as the change log shows them: never the password hash. */
    static String describe(UserAccount u) {
        return "name=" + u.displayName() + "; agency=" + u.agencyCode() + "; roles=" + u.roles() + "; enabled=" + u.enabled()
                + "; email=" + (u.email() == null ? "(none)" : u.email());
    }
}
