package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.stream.Stream;

/**
 * With Secure cookies (production), both cookie names must carry the {@code __Host-} prefix, so a
 * host that shares the domain cannot plant or overwrite them: checked at start-up, the gateway does
 * not start otherwise. {@code application-prod.yml} sets {@code __Host-quadrant_session} and
 * {@code __Host-quadrant_csrf}; plain-HTTP development keeps the unprefixed names (browsers refuse a
 * {@code __Host-} cookie that is not Secure).
 */
@Context
class CookieNameCheck {

    CookieNameCheck(AuthConfiguration config) {
        if (config.cookieSecure()) {
            Stream.of(config.cookieName(), config.csrfCookieName())
                    .filter(name -> !name.startsWith(AuthConfiguration.HOST_PREFIX))
                    .findFirst()
                    .ifPresent(name -> {
                        throw new ConfigurationException("quadrant.auth.cookie-secure is on, so the cookie name '" + name
                                + "' must start with " + AuthConfiguration.HOST_PREFIX + " (set quadrant.auth.cookie-name and "
                                + "quadrant.auth.csrf-cookie-name, e.g. QUADRANT_AUTH_COOKIE_NAME=__Host-quadrant_session)");
                    });
        }
    }
}
