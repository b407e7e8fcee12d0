package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.actions.UpdateRequest;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.ReturnTo;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A progress update on an action: what was done, what difference it has made, the status after it,
 * the date and an evidence link. The lead agency records it (or the board manager); it goes to
 * actions-service with the action's version as read, so an update made meanwhile is a conflict.
 */
@Controller(value = "/actions/{id}/update", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionUpdateController {

    static final String VIEW = "agency/action-update";
    private static final Map<String, Field> FIELDS = Map.of(
            "narrative", new Field("narrative", "Progress"),
            "difference", new Field("difference", "What difference this has made"),
            "status", new Field("status", "Status"),
            "date", new Field("date-day", "Date of the update"),
            "evidenceLink", new Field("evidenceLink", "Evidence link"));

    private final Downstream downstream;
    private final ActionsClient actions;

    ActionUpdateController(Downstream downstream, ActionsClient actions) {
        this.downstream = downstream;
        this.actions = actions;
    }

    @Get
    HttpResponse<?> show(@PathVariable long id, @QueryValue @Nullable String returnTo, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Action action = action(downstream.forRequest(request), user, id);
        Map<String, Object> input = new HashMap<>();
        input.put("status", action.status());
        input.put("version", action.version());
        return Form.page(HttpStatus.OK, VIEW, model(user, action, input, FormErrors.none(), null, null,
                ReturnTo.or(returnTo, "/agency/" + action.leadAgency())));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"AGENCY_CONTRIBUTOR", "AGENCY_LEAD", "BOARD_MANAGER"})
    HttpResponse<?> record(@PathVariable long id, @Body Map<String, Object> posted, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Action action = action(calls, user, id);
        Form form = new Form(posted);
        String back = ReturnTo.or(form.text("returnTo"), "/agency/" + action.leadAgency());
        FormErrors errors = new FormErrors(FIELDS, "narrative");
        LocalDate date = date(form, errors);
        if (!errors.isEmpty()) {
            return Form.page(HttpStatus.BAD_REQUEST, VIEW, model(user, action, posted, errors, null, null, back));
        }
        UpdateRequest update = new UpdateRequest(form.text("narrative"), form.text("difference"), form.text("status"),
                form.version(), date == null ? null : date.toString(), form.text("evidenceLink"));
        WriteResult<?> result = WriteResult.await(calls.write(Service.ACTIONS, () -> actions.addUpdate(id, update)), Service.ACTIONS);
        return switch (result.kind()) {
            case DONE -> Form.done(back, Notice.UPDATE_RECORDED);
            case INVALID -> Form.page(result.status(), VIEW, model(user, action, posted, errors.addAll(result.reply()), null, null, back));
            case UNAVAILABLE -> Form.page(result.status(), VIEW, model(user, action, posted, errors, null, result.unavailableMessage(), back));
            case CONFLICT -> {
                Action latest = action(calls, user, id);
                Map<String, Object> input = new HashMap<>(posted);
                input.put("version", latest.version());
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("Status", latest.status());
                shown.put("Delivery", latest.delivery());
                shown.put("Last update", latest.lastUpdateAt() == null ? "None" : Dates.words(latest.lastUpdateAt()));
                shown.put("Last changed by", latest.updatedBy());
                yield Form.page(result.status(), VIEW, model(user, latest, input, errors, shown, null, back));
            }
        };
    }

    /** The action, if it exists and the user may update it: an agency's users only their own agency's actions. */
    private Action action(Calls calls, CurrentUser user, long id) {
        Reply<Action> reply = Calls.require(calls.read(Service.ACTIONS, () -> actions.action(id)));
        if (!reply.ok() || reply.body() == null) {
            throw AgencyGuard.notFound();
        }
        Action action = reply.body();
        if (!user.mayViewAgency(String.valueOf(action.leadAgency()))) {
            throw AgencyGuard.notFound();
        }
        return action;
    }

    /** The GOV.UK date input's three boxes; all blank means "today" (the service's default). */
    private static LocalDate date(Form form, FormErrors errors) {
        String d = form.text("date-day");
        String m = form.text("date-month");
        String y = form.text("date-year");
        if (d == null && m == null && y == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(y == null ? "" : y), Integer.parseInt(m == null ? "" : m), Integer.parseInt(d == null ? "" : d));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add("date", "Date of the update must be a real date, like 31 3 2018");
            return null;
        }
    }

    private static Map<String, Object> model(CurrentUser user, Action action, Map<String, Object> input, FormErrors errors,
                                             @Nullable Map<String, Object> latest, @Nullable String unavailable, String back) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", action);
        model.put("dueDate", Dates.words(action.dueDate()));
        model.put("input", input);
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("latest", latest);
        model.put("unavailable", unavailable);
        model.put("returnTo", back);
        model.put("editable", user.mayWrite());
        List<String> statuses = user.isManager() ? List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CLOSED")
                : List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETED");
        model.put("statuses", statuses.stream().map(s -> Map.of("code", s, "label", switch (s) {
            case "NOT_STARTED" -> "Not started";
            case "IN_PROGRESS" -> "In progress";
            case "COMPLETED" -> "Completed";
            default -> "Closed (board manager)";
        })).toList());
        return model;
    }
}
