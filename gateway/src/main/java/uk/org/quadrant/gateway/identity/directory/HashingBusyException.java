package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.time.Duration;

/** Too many passwords are being checked at once: try again shortly (503 with {@code Retry-After}). */
public class HashingBusyException extends HttpStatusException {

    public static final String MESSAGE = "Too many people are signing in at the moment";

    private final transient Duration retryAfter;

    public HashingBusyException(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE + ". Wait " + retryAfter.toSeconds()
                + (retryAfter.toSeconds() == 1 ? " second" : " seconds") + ", then try again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
