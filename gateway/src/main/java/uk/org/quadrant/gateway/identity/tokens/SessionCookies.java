package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;

/**
 * Builds the browser session cookie (HttpOnly, SameSite=Lax, Path=/, no Domain, Secure when
 * configured) and ends sessions.
 */
@Singleton
public class SessionCookies {

    private final AuthConfiguration config;
    private final TokenIssuer issuer;
    private final DirectoryAdministration directory;
    private final SessionValidity validity;

    SessionCookies(AuthConfiguration config, TokenIssuer issuer, DirectoryAdministration directory, SessionValidity validity) {
        this.config = config;
        this.issuer = issuer;
        this.directory = directory;
        this.validity = validity;
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
     * Sign-out: every session and token of the signed-in user issued before now ends, on every
     * replica (their cookie here, a copy of it elsewhere, the API tokens of their scripts), then the
     * cookie is cleared. Only a request signed in by its session cookie signs its user out.
     */
    public Cookie endSession(@Nullable Authentication authentication, HttpRequest<?> request) {
        if (authentication != null && !SingleTokenResolver.hasBearer(request)) {
            directory.endSessions(authentication.getName());
            validity.forget(authentication.getName());
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
