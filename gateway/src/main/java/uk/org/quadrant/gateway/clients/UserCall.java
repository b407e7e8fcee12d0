package uk.org.quadrant.gateway.clients;

import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.http.HttpRequest;

/**
 * One service call made for a page request, carried in the propagated context of the typed client's
 * invocation so that {@link UserTokenFilter} can forward that request's token and say which route was called.
 */
final class UserCall implements PropagatedContextElement {

    private final HttpRequest<?> origin;
    private volatile String description;

    UserCall(HttpRequest<?> origin, String description) {
        this.origin = origin;
        this.description = description;
    }

    HttpRequest<?> origin() {
        return origin;
    }

    /** The call's {@code METHOD path} for the page's {@code Server-Timing} (the query left out). */
    String description() {
        return description;
    }

    void describe(String description) {
        this.description = description;
    }
}
