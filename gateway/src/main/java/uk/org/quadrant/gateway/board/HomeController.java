package uk.org.quadrant.gateway.board;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.net.URI;

/** {@code /}: the board goes to the board home, everyone else to their own agency's home. */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
class HomeController {

    @Get
    HttpResponse<?> home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String target = user.isBoard() ? "/board" : "/agency/" + user.agencyCode();
        return HttpResponse.seeOther(URI.create(target));
    }
}
