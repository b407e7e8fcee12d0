package uk.org.quadrant.gateway.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.http.HttpRequest;

import java.util.function.Supplier;

/**
 * One service call, carried in the propagated context of the typed client's invocation so that
 * {@link UserTokenFilter} can put the right token on it and say which route was called: made for a
 * page request (that request's user's token), or by the gateway on its own account (a service token).
 */
final class UserCall implements PropagatedContextElement {

    private final @Nullable HttpRequest<?> origin;
    private final @Nullable Supplier<String> serviceToken;
    private volatile String description;

    UserCall(@Nullable HttpRequest<?> origin, @Nullable Supplier<String> serviceToken, String description) {
        this.origin = origin;
        this.serviceToken = serviceToken;
        this.description = description;
    }

    /** The page request the call is made for; null for the gateway's own calls. */
    @Nullable HttpRequest<?> origin() {
        return origin;
    }

    /** The gateway's own token, for a call no user made; null for a page request's call. */
    @Nullable Supplier<String> serviceToken() {
        return serviceToken;
    }

    /** The call's {@code METHOD path} for the page's {@code Server-Timing} (the query left out). */
    String description() {
        return description;
    }

    void describe(String description) {
        this.description = description;
    }
}
