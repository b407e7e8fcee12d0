package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Builds the browser session cookie (HttpOnly, SameSite=Lax, Path=/, no Domain, Secure when
 * configured) and ends sessions.
 */
@Singleton
public class SessionCookies {

    private final AuthConfiguration config;
    private final TokenIssuer issuer;
    private final SessionLedger ledger;

    SessionCookies(AuthConfiguration config, TokenIssuer issuer, SessionLedger ledger) {
        this.config = config;
        this.issuer = issuer;
        this.ledger = ledger;
    }

    /**
     * The cookie for a browser session. Only a session token goes into it: given an API token, a
     * session token for the same user and generation is minted in its place (the sign-in form mints a
     * session token itself).
     */
    public Cookie signedIn(TokenIssuer.IssuedToken token) {
        TokenIssuer.IssuedToken session = token.isSession() ? token : issuer.issueSession(token.user());
        return base(session.value()).maxAge(session.lifetime());
    }

    public Cookie signedOut() {
        return base("").maxAge(0);
    }

    /**
     * Sign-out: this browser session ends, on every replica (this cookie, and any copy of it), then the
     * cookie is cleared. The user's other sessions (another browser, another device) and their scripts'
     * API tokens go on: "sign out of all other sessions" on {@code /account/sessions} ends those (issue 19).
     * Only a request signed in by its session cookie signs its session out.
     */
    public Cookie endSession(@Nullable Authentication authentication, HttpRequest<?> request) {
        if (authentication != null && !SingleTokenResolver.hasBearer(request)
                && authentication.getAttributes().get(TokenIssuer.SESSION_ID) instanceof String sid) {
            ledger.endSid(sid, authentication.getName());
        }
        return signedOut();
    }

    private Cookie base(String value) {
        return Cookie.of(config.cookieName(), value)
                .path("/")
                .httpOnly(true)
                .secure(config.cookieSecure())
                .sameSite(SameSite.Lax);
    }
}
