package uk.org.quadrant.gateway.tokens;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.directory.UserDirectory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding browser sessions with short-lived tokens. When a page is served on a session cookie
 * that is past half its lifetime, the user is looked up again: still enabled, they get a fresh
 * token (with their current agency and roles); disabled or removed, the cookie is cleared. So a
 * change in the directory reaches a browser within one token lifetime, and an active user is not
 * signed out mid-task.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SessionRenewalFilter {

    private final AuthConfiguration config;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;
    private final Clock clock = Clock.systemUTC();

    SessionRenewalFilter(AuthConfiguration config, UserDirectory directory, TokenIssuer issuer, SessionCookies cookies) {
        this.config = config;
        this.directory = directory;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().findCookie(config.cookieName()).map(Cookie::getValue).filter(v -> !v.isBlank()).isEmpty()
                || response.getHeaders().contains("Set-Cookie") && response.getHeaders().getAll("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(config.cookieName() + "="))) {
            return;
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty() || !halfExpired(authentication.get().getAttributes())) {
            return;
        }
        response.cookie(directory.findEnabled(authentication.get().getName())
                .map(user -> cookies.signedIn(issuer.issue(user)))
                .orElseGet(cookies::signedOut));
    }

    private boolean halfExpired(Map<String, Object> claims) {
        Object exp = claims.get("exp");
        Instant expiry;
        if (exp instanceof Date date) {
            expiry = date.toInstant();
        } else if (exp instanceof Number seconds) {
            expiry = Instant.ofEpochSecond(seconds.longValue());
        } else {
            return false;
        }
        return expiry.minus(config.tokenLifetime().dividedBy(2)).isBefore(clock.instant());
    }
}
