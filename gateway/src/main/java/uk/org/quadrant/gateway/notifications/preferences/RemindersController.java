package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.Option;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "E-mail reminders": every signed-in person (the chair too: these are their own settings, not the
 * board's data) chooses, for each kind of reminder that applies to their roles, as it happens, a weekly
 * digest, or not at all; a statutory kind offers no "not at all" and says why. The address is the
 * directory's, shown read-only: the board manager changes it. Whose choices they are is the session's,
 * never the form's.
 */
@Controller(value = "/account/reminders", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RemindersController {

    static final String VIEW = "account/reminders";

    private final UserAccountRepository users;
    private final ReminderPreferences preferences;

    RemindersController(UserAccountRepository users, ReminderPreferences preferences) {
        this.users = users;
        this.preferences = preferences;
    }

    /** One kind as the page shows it: a radios group named after the kind. */
    record KindRow(String name, String label, boolean statutory, List<Option> options, String chosen) {
    }

    @Get
    HttpResponse<?> show(Authentication authentication, @QueryValue @Nullable String notice) {
        UserAccount user = self(authentication);
        Map<ReminderKind, Delivery> current = preferences.of(user);
        Map<ReminderKind, String> chosen = new EnumMap<>(ReminderKind.class);
        current.forEach((kind, delivery) -> chosen.put(kind, delivery.name()));
        Map<String, Object> model = model(user, chosen);
        FormErrors.none(model);
        model.put("banner", Notice.banner(notice, null));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(Authentication authentication, @Body Map<String, Object> body) {
        UserAccount user = self(authentication);
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        Map<ReminderKind, Delivery> choices = new EnumMap<>(ReminderKind.class);
        Map<ReminderKind, String> typed = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.applyingTo(user.roleSet())) {
            String value = form.value(kind.name());
            typed.put(kind, value);
            Delivery delivery = Arrays.stream(Delivery.values()).filter(d -> d.name().equals(value)).findFirst().orElse(null);
            if (delivery == null) {
                errors.add(kind.name(), "Choose how you want these reminders: " + kind.label());
            } else if (delivery == Delivery.OFF && kind.statutory()) {
                errors.add(kind.name(), "You cannot switch off these reminders (statutory returns): choose as they happen or a weekly digest");
            } else {
                choices.put(kind, delivery);
            }
        }
        if (errors.isEmpty()) {
            preferences.save(user, choices, "UPDATE");
            return Form.done("/account/reminders", Notice.REMINDERS_SAVED);
        }
        Map<String, Object> model = model(user, typed);
        errors.into(model);
        return Form.page(HttpStatus.BAD_REQUEST, VIEW, model);
    }

    private UserAccount self(Authentication authentication) {
        return users.findByUsername(authentication.getName())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }

    private static Map<String, Object> model(UserAccount user, Map<ReminderKind, String> chosen) {
        List<KindRow> rows = ReminderKind.applyingTo(user.roleSet()).stream()
                .map(kind -> new KindRow(kind.name(), kind.label(), kind.statutory(), options(kind), chosen.getOrDefault(kind, "")))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("email", user.email());
        model.put("kinds", rows);
        return model;
    }

    private static List<Option> options(ReminderKind kind) {
        return Arrays.stream(Delivery.values())
                .filter(d -> !(kind.statutory() && d == Delivery.OFF))
                .map(d -> new Option(d.name(), d.label()))
                .toList();
    }
}
