package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import java.time.Duration;

/** A sign-in refused by {@link SignInThrottle} before the password was looked at. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration wait;

    public TooManyAttemptsException(Duration wait) {
        super(SignInController.tooMany(wait));
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }
}
