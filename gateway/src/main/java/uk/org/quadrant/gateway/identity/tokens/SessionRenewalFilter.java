package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;

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
 * signed out mid-task. The renewed token keeps the session id (so forms opened before, whose CSRF
 * token is bound to it, still post) and the session generation it was signed in under, so a
 * revocation made while the request ran still ends it. A renewal is when the session's "last seen" is
 * written ({@link SessionLedger#renewed}), not every request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SessionRenewalFilter implements Ordered {

    private final AuthConfiguration config;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;
    private final SessionLedger ledger;
    private final Clock clock = Clock.systemUTC();

    SessionRenewalFilter(AuthConfiguration config, UserDirectory directory, TokenIssuer issuer, SessionCookies cookies,
                         SessionLedger ledger) {
        this.ledger = ledger;
        this.config = config;
        this.directory = directory;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    /** Outside the security filter, so it also sees the sign-in redirect of a refused cookie. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().findCookie(config.cookieName()).map(Cookie::getValue).filter(v -> !v.isBlank()).isEmpty()
                || response.getHeaders().contains("Set-Cookie") && response.getHeaders().getAll("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(config.cookieName() + "="))) {
            return;
        }
        if (SingleTokenResolver.hasBearer(request)) {
            return;
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            // A cookie that no longer signs anybody in (signed out elsewhere, password reset, disabled,
            // an API token, expired, forged): cleared, so the browser stops sending it.
            response.cookie(cookies.signedOut());
            return;
        }
        if (!halfExpired(authentication.get().getAttributes())) {
            return;
        }
        Map<String, Object> claims = authentication.get().getAttributes();
        Object sid = claims.get(TokenIssuer.SESSION_ID);
        long generation = claims.get(TokenIssuer.GENERATION) instanceof Number n ? n.longValue() : 0L;
        Optional<SignedInUser> user = directory.findEnabled(authentication.get().getName())
                .filter(u -> sid instanceof String && u.sessionGeneration() == generation);
        if (user.isEmpty()) {
            response.cookie(cookies.signedOut());
            return;
        }
        ledger.renewed((String) sid, user.get().username());
        response.cookie(cookies.signedIn(issuer.renewSession(user.get(), (String) sid, generation, TokenIssuer.providerOf(authentication.get()))));
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
