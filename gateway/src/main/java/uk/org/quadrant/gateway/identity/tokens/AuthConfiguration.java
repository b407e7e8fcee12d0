package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Token and cookie settings ({@code quadrant.auth.*}).
 *
 * @param issuer             the {@code iss} claim; services accept only this issuer
 * @param tokenLifetime      how long an access token (and the session cookie) lives
 * @param cookieName         the session cookie holding the signed-in user's token
 * @param cookieSecure       mark cookies Secure (on in production, behind TLS); then both cookie names
 *                           must start with {@code __Host-} or the gateway does not start
 * @param csrfCookieName     the pre-session CSRF cookie (the sign-in form's double-submit token)
 * @param sessionCheckCache  how long one replica may reuse a user's session generation read from the
 *                           database; a revocation made on another replica reaches this one within it
 *                           (made on this one: at once). Zero: read on every request
 * @param signingKey         the RSA private key as a JWK JSON document (from a Secret)
 * @param signingKeyFile     or a path to a file holding it
 * @param generateSigningKey embedded mode: create a key once under the data directory if none is given
 */
@ConfigurationProperties("quadrant.auth")
public record AuthConfiguration(
        @Bindable(defaultValue = "quadrant-gateway") String issuer,
        @Bindable(defaultValue = "PT15M") Duration tokenLifetime,
        @Bindable(defaultValue = "quadrant_session") String cookieName,
        @Bindable(defaultValue = "false") boolean cookieSecure,
        @Nullable String signingKey,
        @Nullable String signingKeyFile,
        @Bindable(defaultValue = "false") boolean generateSigningKey,
        @Bindable(defaultValue = "quadrant_csrf") String csrfCookieName,
        @Bindable(defaultValue = "PT2S") Duration sessionCheckCache) {

    /** The prefix browsers honour only for Secure, Path=/ cookies without a Domain: no sibling host can set them. */
    public static final String HOST_PREFIX = "__Host-";
}
