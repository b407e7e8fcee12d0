package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;

/**
 * The events of an account's life that its holder is told of (issue 19, ASVS 5.0 6.3.6): the identity
 * code says what happened; {@code notifications.AccountNotices} records it in the change log where the
 * caller has not, and e-mails the account's own address. Declared here, below both, so the identity
 * packages never depend on the notifications package.
 */
public interface AccountEvents {

    /** The manager invited {@code user}; {@code link} is the invitation link's path and secret (only in the e-mail). */
    void invited(UserAccount user, String link, ChangedBy by, boolean again);

    /** The invited person chose their password and is signed in. */
    void invitationAccepted(UserAccount user);

    /** A reset link was sent ("Forgotten your password?"); {@code client} is the address it was asked from. */
    void resetRequested(UserAccount user, String link, @Nullable String client);

    /** The password was reset with a link: every session of the account ended. */
    void passwordReset(UserAccount user);

    /** The manager set a new password (the admin form): the change log entry is the directory's own. */
    void passwordSetByManager(UserAccount user);

    /** The manager ended one of the account's sessions, or all of them ({@code count}). */
    void sessionsEndedByManager(UserAccount user, ChangedBy by, int count, boolean all);

    /** The person ended one of their own sessions, or all the others, from their sessions page: logged, no e-mail. */
    void sessionsEndedByOwner(String username, @Nullable String agencyCode, boolean allOthers);

    /** A second factor was turned on (the change log entry is {@code identity.mfa}'s): a message to the account. */
    void secondFactorOn(UserAccount user);

    /** The account's second factor was turned off by its holder, or removed by the board manager: a message to the account. */
    void secondFactorOff(UserAccount user, boolean byManager);

    /** A recovery code was used to sign in: a message to the account, with how many are left. */
    void recoveryCodeUsed(UserAccount user, long left);

    /** The person changed their own password (the change log entry is the directory's): a message to the account. */
    void passwordChangedByOwner(UserAccount user);
}
