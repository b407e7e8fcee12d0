package uk.org.quadrant.gateway.tokens;

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
 * @param cookieSecure       mark cookies Secure (on in production, behind TLS)
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
        @Bindable(defaultValue = "false") boolean generateSigningKey) {
}
