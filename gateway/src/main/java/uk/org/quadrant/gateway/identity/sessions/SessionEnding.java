package uk.org.quadrant.gateway.identity.sessions;

import uk.org.quadrant.gateway.identity.tokens.SessionEnd;
import uk.org.quadrant.gateway.identity.tokens.SessionLedger;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.util.Optional;

/**
 * Ending sessions from the sessions pages. One session: its row is marked ended (refused on every
 * replica within the session-check cache time). All (the manager) or all others (the person): the
 * account's session generation moves on as well, so sessions with no row (issued before the table) and
 * the scripts' API tokens end too; the person's own session is re-issued under the new generation, same
 * session id. Each is in the change log; the manager's also e-mails the person ({@link AccountEvents}).
 */
@Singleton
class SessionEnding {

    private final SessionLedger ledger;
    private final DirectoryAdministration directory;
    private final AccountEvents notices;
    private final SessionEnd sessions;

    SessionEnding(SessionLedger ledger, DirectoryAdministration directory, AccountEvents notices, SessionEnd sessions) {
        this.ledger = ledger;
        this.directory = directory;
        this.notices = notices;
        this.sessions = sessions;
    }

    /** The person ends one of their own sessions: false if it is not theirs or was already ended. */
    @Transactional
    boolean endOwn(String username, @Nullable String agencyCode, long id) {
        if (!ledger.end(id, username, username)) {
            return false;
        }
        notices.sessionsEndedByOwner(username, agencyCode, false);
        return true;
    }

    /** The person ends every other session; the cookie to keep this one (none if it is not a browser session). */
    @Transactional
    Optional<Cookie> endOthers(Authentication authentication, @Nullable String agencyCode, @Nullable String currentSid) {
        String username = authentication.getName();
        directory.endSessions(username);
        ledger.endAllBut(username, currentSid, username);
        sessions.ended(username);
        notices.sessionsEndedByOwner(username, agencyCode, true);
        return sessions.continueOwn(authentication);
    }

    /** The manager ends one session of {@code user}: false if it is not theirs or was already ended. */
    @Transactional
    boolean endByManager(UserAccount user, long id, ChangedBy by) {
        if (!ledger.end(id, user.username(), by.username())) {
            return false;
        }
        notices.sessionsEndedByManager(user, by, 1, false);
        return true;
    }

    /** The manager ends every session and API token of {@code user}. */
    @Transactional
    void endAllByManager(UserAccount user, ChangedBy by) {
        directory.endSessions(user.username());
        ledger.endAllBut(user.username(), null, by.username());
        sessions.ended(user.username());
        notices.sessionsEndedByManager(user, by, 0, true);
    }
}
