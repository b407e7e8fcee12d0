package uk.org.quadrant.gateway.clients;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.security.token.reader.TokenResolver;

/**
 * The one place the signed-in user's token is put on a service call: every call a page makes through
 * a typed client ({@link Calls}) carries the token of the request it was made for, so each service
 * applies that user's own permissions; the gateway's own calls ({@link Downstream#forService}) carry its
 * service token instead. Requests without a {@link UserCall} (the API pass-through,
 * which forwards the caller's own header) are left as they are.
 */
@ClientFilter(serviceId = {"indicators", "audits", "actions"})
final class UserTokenFilter {

    private final TokenResolver<HttpRequest<?>> tokens;

    /** @param tokens the gateway's one rule for which token a request carries (identity's {@code SingleTokenResolver}) */
    UserTokenFilter(TokenResolver<HttpRequest<?>> tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    void forward(MutableHttpRequest<?> request) {
        PropagatedContext.getOrEmpty().find(UserCall.class).ifPresent(call -> {
            call.describe(request.getMethodName() + " " + request.getPath());
            String bearer = call.serviceToken() != null ? "Bearer " + call.serviceToken().get()
                    : call.origin() != null ? bearer(call.origin()) : "";
            if (!bearer.isEmpty()) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer);
            }
        });
    }

    /** The signed-in user's token: the bearer header of an API client, or the browser's session cookie. */
    String bearer(HttpRequest<?> request) {
        return tokens.resolveToken(request).map(token -> "Bearer " + token).orElse("");
    }
}
