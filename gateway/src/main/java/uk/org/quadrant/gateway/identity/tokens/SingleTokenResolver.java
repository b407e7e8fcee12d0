package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.DefaultTokenResolver;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * One token per request: the bearer token if the request has an {@code Authorization: Bearer}
 * header, else the session cookie. Micronaut's default validates both and takes whichever comes
 * first, so a request with one user's cookie and another's bearer token was authenticated as one
 * of them while the pages called the services with the other. Here the bearer wins, as it does
 * for the calls the pages make ({@code clients.UserTokenFilter}), and a cookie beside it is ignored.
 */
@Singleton
@Replaces(DefaultTokenResolver.class)
class SingleTokenResolver implements TokenResolver<HttpRequest<?>> {

    private static final String PREFIX = "Bearer ";

    private final String cookieName;

    SingleTokenResolver(AuthConfiguration config) {
        this.cookieName = config.cookieName();
    }

    static boolean hasBearer(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().map(h -> h.startsWith(PREFIX)).orElse(false);
    }

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(PREFIX)) {
            return Optional.of(authorization.substring(PREFIX.length()).trim()).filter(t -> !t.isEmpty());
        }
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public List<String> resolveTokens(HttpRequest<?> request) {
        return resolveToken(request).stream().toList();
    }
}
