package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GET /api/v1/me}: who the gateway believes is calling (same shape as on every service). */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    @Get
    Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new Me(user.username(), user.displayName(), user.roles().stream().map(Enum::name).toList(),
                user.agencyCode().isEmpty() ? null : user.agencyCode());
    }

    @Serdeable
    record Me(String username, String displayName, List<String> roles, @Nullable String agency) {
    }
}
