package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;

/**
 * The second factor on {@code POST /api/v1/auth/token} (docs/decisions.md, 2026-12-07: a code on the token
 * call, not per-user API keys). After a correct password: an account with a factor must send {@code code}
 * (missing: 400 naming {@code code}; wrong: 401 naming {@code code}, counted by the throttle like a wrong
 * password); an account whose role requires a factor and has none is refused (403) until it sets one up
 * in the browser.
 */
@Singleton
public class TokenSecondFactor {

    static final String SET_UP_IN_BROWSER = "Your role needs a second factor: sign in to Quadrant in a browser and set up "
            + "an authenticator app at /account/security, then ask for a token with its code";

    private final SecondFactors factors;
    private final MfaSettings settings;
    private final SignInThrottle throttle;

    TokenSecondFactor(SecondFactors factors, MfaSettings settings, SignInThrottle throttle) {
        this.factors = factors;
        this.settings = settings;
        this.throttle = throttle;
    }

    /** Returns when {@code user} may have a token; otherwise throws the refusal (see above). */
    public void check(SignedInUser user, @Nullable String code, String client) {
        if (!factors.hasConfirmed(user.username())) {
            if (settings.requiredFor(user.roles())) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, SET_UP_IN_BROWSER);
            }
            return;
        }
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException("code", "must be the 6-digit code from your authenticator app, or a recovery code");
        }
        if (!factors.verify(user.username(), code).accepted()) {
            throttle.failed(user.username(), client);
            throw new InvalidRequestException(HttpStatus.UNAUTHORIZED, "code", "is not a current code from your authenticator app or an unused recovery code");
        }
    }
}
