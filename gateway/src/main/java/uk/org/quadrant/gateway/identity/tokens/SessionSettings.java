package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code quadrant.auth.sessions.*}.
 *
 * @param retention how long a session's row is kept after it was last seen or ended (then deleted)
 */
@ConfigurationProperties("quadrant.auth.sessions")
public record SessionSettings(@Bindable(defaultValue = "P90D") Duration retention) {
}
