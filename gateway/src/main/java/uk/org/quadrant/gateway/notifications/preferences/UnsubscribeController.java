package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.notifications.preferences.SignedUnsubscribeLinks.Subscription;
import uk.org.quadrant.gateway.web.forms.Form;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The link in every reminder ({@link SignedUnsubscribeLinks}), for anyone holding it, signed in or not.
 * GET asks "Stop these e-mails?" with one button; POST does it: the kind becomes OFF, or for a
 * statutory kind the weekly digest, and the page says which. The POST also takes RFC 8058's one-click
 * request a mail provider sends ({@code List-Unsubscribe=One-Click}, no cookie, no CSRF token): the
 * CSRF filter lets this one path through because the signed token is the proof. A token this gateway
 * did not sign, or for a person who no longer exists, gets "This link is not valid" (400) and changes nothing.
 */
@Controller(value = SignedUnsubscribeLinks.PATH, produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class UnsubscribeController {

    private static final String VIEW = "notifications/unsubscribe";

    private final SignedUnsubscribeLinks links;
    private final UserAccountRepository users;
    private final ReminderPreferences preferences;

    UnsubscribeController(SignedUnsubscribeLinks links, UserAccountRepository users, ReminderPreferences preferences) {
        this.links = links;
        this.users = users;
        this.preferences = preferences;
    }

    @Get
    HttpResponse<?> ask(@QueryValue @Nullable String t) {
        Optional<Subscription> subscription = links.verify(t);
        if (subscription.isEmpty() || users.findByUsername(subscription.get().username()).isEmpty()) {
            return invalid();
        }
        Map<String, Object> model = model(subscription.get().kind(), "ask");
        model.put("token", t);
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    /** The page's button, or a mail provider's one-click POST: the body is not needed, only the link's token. */
    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<?> stop(@QueryValue @Nullable String t) {
        Optional<Subscription> subscription = links.verify(t);
        Optional<UserAccount> user = subscription.flatMap(s -> users.findByUsername(s.username()));
        if (user.isEmpty()) {
            return invalid();
        }
        ReminderKind kind = subscription.get().kind();
        Delivery now = preferences.unsubscribe(user.get(), kind);
        return Form.page(HttpStatus.OK, VIEW, model(kind, now == Delivery.OFF ? "stopped" : "digest"));
    }

    private static Map<String, Object> model(ReminderKind kind, String state) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("kindLabel", kind.label());
        model.put("statutory", kind.statutory());
        return model;
    }

    private static HttpResponse<?> invalid() {
        Map<String, Object> model = new HashMap<>();
        model.put("state", "invalid");
        return Form.page(HttpStatus.BAD_REQUEST, VIEW, model);
    }
}
