package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.mfa.TokenSecondFactor;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/token}: username and password in (and, for an account with a second factor, a
 * current {@code code}), bearer token out.
 */
@Controller("/api/v1/auth/token")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {

    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final TokenSecondFactor secondFactor;

    TokenController(UserDirectory directory, TokenIssuer issuer, SignInThrottle throttle, HttpClientAddressResolver addresses,
                    TokenSecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.directory = directory;
        this.issuer = issuer;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    /**
     * Throttled like the sign-in form, on the same counts: a script cannot guess faster than a person. A wrong
     * second-factor code counts like a wrong password ({@link TokenSecondFactor}).
     */
    @Post
    HttpResponse<TokenResponse> token(@Body @Valid TokenRequest request, HttpRequest<?> http) {
        String client = addresses.resolve(http);
        Optional<Duration> wait = throttle.refusal(request.username(), client);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        Optional<SignedInUser> user = directory.authenticate(request.username(), request.password());
        if (user.isEmpty()) {
            throttle.failed(request.username(), client);
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "Incorrect username or password");
        }
        secondFactor.check(user.get(), request.code(), client);
        throttle.succeeded(request.username());
        TokenIssuer.IssuedToken t = issuer.issue(user.get());
        return HttpResponse.ok(new TokenResponse(t.value(), "Bearer", t.lifetime().toSeconds())).header("Cache-Control", "no-store");
    }
}
