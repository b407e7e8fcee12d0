package uk.org.quadrant.gateway.plans;

import io.micronaut.http.HttpRequest;
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
import uk.org.quadrant.gateway.directory.AgencyNames;
import uk.org.quadrant.gateway.directory.Role;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.signin.CurrentUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One action: its SMART definition, delivery and live measure, and its dated progress updates,
 * newest first, each with what difference it made. The way to add an update is offered to those
 * actions-service lets write one: the lead agency's users and the board manager, never the chair.
 */
@Controller(value = "/actions", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionPage {

    private final Downstream downstream;
    private final AgencyNames agencies;

    ActionPage(Downstream downstream, AgencyNames agencies) {
        this.downstream = downstream;
        this.agencies = agencies;
    }

    @Get("/{id}")
    @View("plans/action")
    Map<String, Object> action(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> action = calls.get(Service.ACTIONS, "/api/v1/actions/" + id);
        CompletableFuture<Reply> updates = calls.get(Service.ACTIONS, "/api/v1/actions/" + id + "/updates");
        CompletableFuture<Reply> plans = calls.get(Service.ACTIONS, "/api/v1/plans");

        Reply reply = Calls.require(action);
        if (!reply.ok()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Map<String, String> names = agencies.byCode();
        Map<String, Object> row = ActionRows.row(reply.map(), names, null);
        Panel<List<Map<String, Object>>> history = Calls.panel(updates, Service.ACTIONS, r -> {
            List<Map<String, Object>> list = new ArrayList<>(r.rows().stream().map(ActionRows::update).toList());
            Collections.reverse(list); // the service lists them oldest first
            return list;
        });
        Panel<Map<String, Object>> plan = Calls.panel(plans, Service.ACTIONS, r -> r.rows().stream()
                .filter(p -> String.valueOf(p.get("id")).equals(String.valueOf(row.get("planId"))))
                .findFirst().orElse(Map.of()));
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("action", row);
        model.put("updates", history);
        model.put("planTitle", plan.available() ? plan.data().get("title") : null);
        model.put("mayUpdate", mayUpdate(user, String.valueOf(row.get("leadAgency"))));
        return model;
    }

    /** The lead agency's contributors and leads, and the board manager; never the chair. */
    static boolean mayUpdate(CurrentUser user, String leadAgency) {
        if (user.isManager()) {
            return true;
        }
        boolean agencyUser = user.roles().contains(Role.AGENCY_CONTRIBUTOR) || user.roles().contains(Role.AGENCY_LEAD);
        return agencyUser && !user.isBoard() && leadAgency.equals(user.agencyCode());
    }
}
