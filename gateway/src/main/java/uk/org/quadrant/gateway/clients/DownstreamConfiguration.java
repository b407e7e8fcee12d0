package uk.org.quadrant.gateway.clients;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the gateway calls the services ({@code quadrant.downstream.*}). The connect and read timeouts
 * of each client are under {@code micronaut.http.services.<id>}; these bound a whole call, retry included.
 *
 * @param timeout          the most a page waits for one service call
 * @param breakerThreshold failures in a row that open a service's circuit
 * @param breakerOpenFor   how long an open circuit refuses calls before one trial call
 */
@ConfigurationProperties("quadrant.downstream")
public record DownstreamConfiguration(
        @Bindable(defaultValue = "PT2.5S") Duration timeout,
        @Bindable(defaultValue = "5") int breakerThreshold,
        @Bindable(defaultValue = "PT10S") Duration breakerOpenFor) {
}
