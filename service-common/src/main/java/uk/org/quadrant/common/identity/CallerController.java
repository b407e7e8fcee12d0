package uk.org.quadrant.common.identity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.common.ServiceOnly;

/** Echoes the caller's identity; lets operators and clients check a token is accepted here. */
@ServiceOnly
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CallerController {

    @Get
    CallerView me(Authentication authentication) {
        return CallerView.of(authentication);
    }
}
