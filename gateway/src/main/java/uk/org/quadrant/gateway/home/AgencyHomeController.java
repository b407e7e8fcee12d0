package uk.org.quadrant.gateway.home;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.directory.Agency;
import uk.org.quadrant.gateway.directory.AgencyRepository;
import uk.org.quadrant.gateway.signin.CurrentUser;

import java.util.HashMap;
import java.util.Map;

/**
 * An agency's own area. Its users and the board may open it; anyone else gets the same 404 as for
 * an agency that does not exist, so the page does not confirm which areas exist.
 */
@Controller(value = "/agency", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencyHomeController {

    private final AgencyRepository agencies;

    AgencyHomeController(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    @Get("/{code}")
    @View("agency/home")
    Map<String, Object> home(@PathVariable String code, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Agency agency = agencies.findById(code)
                .filter(a -> a.code().equals(code))
                .filter(a -> user.mayViewAgency(a.code()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("ownAgency", agency.code().equals(user.agencyCode()));
        return model;
    }
}
