package uk.org.quadrant.gateway.tokens;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/** Builds the browser session cookie: HttpOnly, SameSite=Lax, Secure when configured. */
@Singleton
public class SessionCookies {

    private final AuthConfiguration config;

    SessionCookies(AuthConfiguration config) {
        this.config = config;
    }

    public Cookie signedIn(TokenIssuer.IssuedToken token) {
        return base(token.value()).maxAge(token.lifetime());
    }

    public Cookie signedOut() {
        return base("").maxAge(0);
    }

    private Cookie base(String value) {
        return Cookie.of(config.cookieName(), value)
                .path("/")
                .httpOnly(true)
                .secure(config.cookieSecure())
                .sameSite(SameSite.Lax);
    }
}
