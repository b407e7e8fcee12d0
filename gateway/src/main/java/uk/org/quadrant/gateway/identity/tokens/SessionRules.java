package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * The gateway's own rules for its tokens, on top of signature, expiry and issuer, for every request
 * it serves (pages, {@code /api/v1/**} and the {@code /api/{service}/v1/**} pass-through alike):
 * <ul>
 *   <li>a session cookie must hold a browser-session token (one with a {@code sid}): an API token
 *       sent as the cookie signs nobody in;</li>
 *   <li>a bearer token must be an API token: a session token sent as a bearer is refused, so a
 *       copied cookie cannot be used from a script either;</li>
 *   <li>the token's session generation ({@code sva}) must still be the account's, and the account
 *       enabled: a password reset, "sign out of all other sessions" or disabling the user ends what was
 *       issued before;</li>
 *   <li>a browser session's token: its session ({@code sid}) not ended (sign-out, the sessions page,
 *       the manager), see {@link SessionValidity};</li>
 *   <li>a service token (the claim {@value ServiceTokens#SERVICE_CLAIM}, or the role {@value ServiceTokens#ROLE},
 *       with whatever else it carries) signs nobody in: the gateway mints it for the services only
 *       ({@link ServiceTokens}), never for a page, its own API or the pass-through.</li>
 * </ul>
 * Which place the token came from is unambiguous because {@link SingleTokenResolver} hands over one
 * token only: the bearer if there is an {@code Authorization: Bearer} header, else the cookie.
 * Runs on the blocking pool ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}),
 * as it may read the database.
 */
@Singleton
class SessionRules implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final SessionValidity validity;

    SessionRules(SessionValidity validity) {
        this.validity = validity;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        if (isServiceToken(claims)) {
            return false;
        }
        Object sid = claims.get(TokenIssuer.SESSION_ID);
        boolean session = sid instanceof String s && !s.isBlank();
        if (request != null && session == SingleTokenResolver.hasBearer(request)) {
            return false;
        }
        Object subject = claims.get(Claims.SUBJECT);
        Object generation = claims.get(TokenIssuer.GENERATION);
        long value = generation instanceof Number n ? n.longValue() : 0L;
        return subject != null && validity.isCurrent(subject.toString(), value, session ? (String) sid : null);
    }

    /** The service token's marks, either of them: the {@code svc} claim (any value), or the role among the roles. */
    private static boolean isServiceToken(Claims claims) {
        Object roles = claims.get("roles");
        return claims.get(ServiceTokens.SERVICE_CLAIM) != null
                || roles instanceof Collection<?> c && c.contains(ServiceTokens.ROLE)
                || roles instanceof String r && r.contains(ServiceTokens.ROLE);
    }
}
