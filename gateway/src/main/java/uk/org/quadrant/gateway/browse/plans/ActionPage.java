package uk.org.quadrant.gateway.browse.plans;

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
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.actions.Plan;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ActionsClient actions;
    private final AgencyNames agencies;

    ActionPage(Downstream downstream, ActionsClient actions, AgencyNames agencies) {
        this.downstream = downstream;
        this.actions = actions;
        this.agencies = agencies;
    }

    @Get("/{id}")
    @View("browse/plans/action")
    Map<String, Object> action(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<Action>> action = calls.read(Service.ACTIONS, () -> actions.action(id));
        CompletableFuture<Reply<List<ActionUpdate>>> updates = calls.read(Service.ACTIONS, () -> actions.updates(id));
        CompletableFuture<Reply<List<Plan>>> plans = calls.read(Service.ACTIONS, actions::plans);

        Reply<Action> reply = Calls.require(action);
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Map<String, String> names = agencies.byCode();
        ActionRows.ActionRow row = ActionRows.row(reply.body(), names, null);
        Panel<List<ActionRows.UpdateRow>> history = Calls.panel(updates, Service.ACTIONS, r -> {
            List<ActionRows.UpdateRow> list = new ArrayList<>(r.body().stream().map(ActionRows::update).toList());
            Collections.reverse(list); // the service lists them oldest first
            return list;
        });
        Panel<Optional<Plan>> plan = Calls.panel(plans, Service.ACTIONS, r -> r.body().stream()
                .filter(p -> p.id() == row.planId()).findFirst());
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("action", row);
        model.put("updates", history);
        model.put("planTitle", plan.available() ? plan.data().map(Plan::title).orElse(null) : null);
        model.put("mayUpdate", mayUpdate(user, row.leadAgency()));
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
