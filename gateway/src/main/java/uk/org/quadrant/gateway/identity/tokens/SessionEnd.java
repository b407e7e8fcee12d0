package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;

import java.util.Optional;

/**
 * After a password change, a reset or disabling (which end the user's sessions, see
 * {@code DirectoryAdministration}): this replica forgets what it read about the user, and a manager
 * (or anyone) who changed their own password keeps the session they did it in, re-issued under the new generation.
 */
@Singleton
public class SessionEnd {

    private final SessionValidity validity;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;

    SessionEnd(SessionValidity validity, UserDirectory directory, TokenIssuer issuer, SessionCookies cookies) {
        this.validity = validity;
        this.directory = directory;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    public void ended(String username) {
        validity.forget(username);
    }

    /** The current browser session, same session id, valid after the change; none for a bearer caller. */
    public Optional<Cookie> continueOwn(Authentication authentication) {
        if (!(authentication.getAttributes().get(TokenIssuer.SESSION_ID) instanceof String sid)) {
            return Optional.empty();
        }
        return directory.findEnabled(authentication.getName())
                .map(user -> cookies.signedIn(issuer.renewSession(user, sid, user.sessionGeneration(), TokenIssuer.providerOf(authentication))));
    }
}
