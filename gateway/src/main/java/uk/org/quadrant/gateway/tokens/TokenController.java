package uk.org.quadrant.gateway.tokens;

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
import uk.org.quadrant.gateway.directory.UserDirectory;

/** {@code POST /api/v1/auth/token}: username and password in, bearer token out. */
@Controller("/api/v1/auth/token")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {

    private final UserDirectory directory;
    private final TokenIssuer issuer;

    TokenController(UserDirectory directory, TokenIssuer issuer) {
        this.directory = directory;
        this.issuer = issuer;
    }

    @Post
    HttpResponse<TokenResponse> token(@Body @Valid TokenRequest request) {
        return directory.authenticate(request.username(), request.password())
                .map(issuer::issue)
                .map(t -> HttpResponse.ok(new TokenResponse(t.value(), "Bearer", t.lifetime().toSeconds()))
                        .header("Cache-Control", "no-store"))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.UNAUTHORIZED, "Incorrect username or password"));
    }
}
