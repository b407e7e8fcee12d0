package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.time.Clock;
import java.util.List;

/**
 * Every event of an account's life, told twice: an entry in the gateway's change log, and a short
 * e-mail to the account's own address (none if it has none), so a person learns of a change they did
 * not make. One method per event; other parts of the gateway call them after (or inside the transaction
 * of) the change. Each writes its change-log entry and queues its e-mail in one transaction (the
 * caller's, if there is one), and the e-mail goes out at once ({@link AccountMail}). A link is put
 * only into the e-mail that carries it: never into the change log, a log line or another notice.
 */
@Singleton
public class AccountNotices implements AccountEvents {

    private static final String NOT_YOU = "If this was not you, tell your partnership's business unit at once.";

    private final ChangeLogRepository changes;
    private final AccountMail mail;
    private final Clock clock = Clock.systemUTC();

    AccountNotices(ChangeLogRepository changes, AccountMail mail) {
        this.changes = changes;
        this.mail = mail;
    }

    /** The manager invited {@code user}; {@code link} is the invitation link's path and secret (only in the e-mail). */
    @Override
    @Transactional
    public void invited(UserAccount user, String link, ChangedBy by, boolean again) {
        log(by, user.username(), again ? "INVITATION_RESENT" : "INVITED", "invitation sent to " + user.email() + " (link not recorded)");
        send(user, "account-invitation", new MessageContent("You are invited to Quadrant",
                "You are invited to Quadrant",
                List.of("Your partnership's business unit has made you an account on Quadrant, the safeguarding children"
                                + " partnership's performance, audit and action system. Your username is " + user.username() + ".",
                        "Open the link below within 7 days to choose your password. The link works once. If you did not expect"
                                + " this e-mail, you can ignore it."),
                List.of(), "Choose your password", link));
    }

    /** The invited person chose their password and is signed in. */
    @Override
    @Transactional
    public void invitationAccepted(UserAccount user) {
        log(self(user), user.username(), "INVITATION_ACCEPTED", "password chosen (not recorded)");
        send(user, "account-password-set", simple("Your Quadrant password is set",
                "You chose your password and signed in to Quadrant for the first time. " + NOT_YOU));
    }

    /** A reset link was sent ("Forgotten your password?"); {@code client} is the address it was asked from. */
    @Override
    @Transactional
    public void resetRequested(UserAccount user, String link, @Nullable String client) {
        log(self(user), user.username(), "PASSWORD_RESET_REQUESTED", "reset link sent" + (client == null ? "" : ", asked from " + client)
                + " (link not recorded)");
        send(user, "account-reset-link", new MessageContent("Reset your Quadrant password",
                "Reset your Quadrant password",
                List.of("Someone asked to reset the password of your Quadrant account (" + user.username() + ").",
                        "Open the link below within 30 minutes to choose a new password. It works once. If you did not ask,"
                                + " ignore this e-mail: your password stays as it is."),
                List.of(), "Choose a new password", link));
    }

    /** The password was reset with a link: every session of the account ended. */
    @Override
    @Transactional
    public void passwordReset(UserAccount user) {
        log(self(user), user.username(), "PASSWORD_RESET_BY_LINK", "password reset (not recorded); every session ended");
        send(user, "account-password-changed", simple("Your Quadrant password was changed",
                "The password of your Quadrant account (" + user.username() + ") was changed with a reset link, and every"
                        + " session signed in with the old one has ended. " + NOT_YOU));
    }

    /** The manager set a new password (the admin form): the change log entry is the directory's own. */
    @Override
    public void passwordSetByManager(UserAccount user) {
        send(user, "account-password-changed", simple("Your Quadrant password was changed",
                "Your partnership's business unit set a new password for your Quadrant account (" + user.username()
                        + "), and every session signed in with the old one has ended. " + NOT_YOU));
    }

    /** The manager ended one of the account's sessions, or all of them ({@code count}). */
    @Override
    @Transactional
    public void sessionsEndedByManager(UserAccount user, ChangedBy by, int count, boolean all) {
        log(by, user.username(), all ? "SESSIONS_ENDED" : "SESSION_ENDED",
                all ? "every session and API token ended" : count + " session ended");
        send(user, "account-sessions-ended", simple("You were signed out of Quadrant",
                (all ? "Your partnership's business unit signed you out of Quadrant everywhere."
                        : "Your partnership's business unit ended one of your Quadrant sessions.")
                        + " Sign in again to carry on. If you did not expect this, ask them why."));
    }

    /** The person ended one of their own sessions, or all the others, from their sessions page: logged, no e-mail. */
    @Override
    @Transactional
    public void sessionsEndedByOwner(String username, @Nullable String agencyCode, boolean allOthers) {
        log(new ChangedBy(username, agencyCode), username, allOthers ? "OTHER_SESSIONS_ENDED" : "SESSION_ENDED",
                allOthers ? "every other session and API token ended by its owner" : "one session ended by its owner");
    }

    /** A second factor was turned on (the change log entry is {@code identity.mfa}'s): a message to the account. */
    @Override
    public void secondFactorOn(UserAccount user) {
        send(user, "account-second-factor", simple("A second factor is on for your Quadrant account",
                "Signing in to your Quadrant account (" + user.username() + ") now asks for a code from your authenticator app. "
                        + NOT_YOU));
    }

    /** The account's second factor was turned off by its holder, or removed by the board manager: a message to the account. */
    @Override
    public void secondFactorOff(UserAccount user, boolean byManager) {
        send(user, "account-second-factor", simple("The second factor of your Quadrant account is off",
                (byManager ? "The board manager removed the authenticator app from your Quadrant account (" + user.username()
                        + ") and signed you out everywhere. Set it up again after you next sign in. "
                        : "Signing in to your Quadrant account (" + user.username() + ") no longer asks for a code from your"
                        + " authenticator app. ") + NOT_YOU));
    }

    /** A recovery code was used to sign in: a message to the account, with how many are left. */
    @Override
    public void recoveryCodeUsed(UserAccount user, long left) {
        send(user, "account-second-factor", simple("A recovery code was used to sign in to Quadrant",
                "Someone signed in to your Quadrant account (" + user.username() + ") with one of its recovery codes. "
                        + (left == 1 ? "1 unused recovery code is left. " : left + " unused recovery codes are left. ") + NOT_YOU));
    }

    /** The person changed their own password (the change log entry is the directory's): a message to the account. */
    @Override
    public void passwordChangedByOwner(UserAccount user) {
        send(user, "account-password", simple("Your Quadrant password was changed",
                "The password of your Quadrant account (" + user.username() + ") was changed, and every other session ended. "
                        + NOT_YOU));
    }

    private MessageContent simple(String subject, String paragraph) {
        return new MessageContent(subject, subject, List.of(paragraph), List.of(), "Go to Quadrant", "/");
    }

    private void send(UserAccount user, String template, MessageContent content) {
        if (user.email() != null && !user.email().isBlank()) {
            mail.send(user.username(), user.email(), template, content);
        }
    }

    private void log(ChangedBy by, String username, String action, String what) {
        changes.save(new ChangeLogEntry(null, clock.instant(), by.username(), by.agencyCode(), "user", username, action, null, what));
    }

    private static ChangedBy self(UserAccount user) {
        return new ChangedBy(user.username(), user.agencyCode());
    }
}
