package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.periods.Periods;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.util.HashMap;
import java.util.Map;

/**
 * An agency's own area: the GOV.UK task list of what it owes. Its users and the board may open it
 * (the chair reads it without links to the forms); anyone else gets the same 404 as for an agency
 * that does not exist, so the page does not confirm which areas exist.
 */
@Controller(value = "/agency", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencyHomeController {

    private final AgencyRepository agencies;
    private final AgencyTasks tasks;
    private final Periods periods;

    AgencyHomeController(AgencyRepository agencies, AgencyTasks tasks, Periods periods) {
        this.agencies = agencies;
        this.tasks = tasks;
        this.periods = periods;
    }

    @Get("/{code}")
    @View("agency/home")
    Map<String, Object> home(@PathVariable String code, @QueryValue @Nullable String notice, HttpRequest<?> request,
                             Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Agency agency = agencies.findById(code)
                .filter(a -> a.code().equals(code))
                .filter(a -> !a.code().equals("BOARD") || user.isBoard())
                .filter(a -> user.mayViewAgency(a.code()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("ownAgency", agency.code().equals(user.agencyCode()));
        model.put("mayAct", user.mayWrite());
        model.put("asAt", Dates.words(periods.asAt()));
        model.put("returnsDueDays", periods.returnsDueDays());
        model.put("todo", TodoList.of(tasks.compose(request, agency.code()), periods.asAt()));
        Notice.parse(notice).ifPresent(n -> model.put("notice", n.text()));
        return model;
    }
}
