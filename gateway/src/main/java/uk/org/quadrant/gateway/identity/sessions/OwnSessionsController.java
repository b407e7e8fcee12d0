package uk.org.quadrant.gateway.identity.sessions;

import uk.org.quadrant.gateway.identity.tokens.SessionLedger;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import uk.org.quadrant.gateway.identity.tokens.SessionCookies;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.Notice;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /account/sessions}: the signed-in person's own browser sessions (device, address, started, last
 * seen; this one marked), each with "End session", and "Sign out of all other sessions". Whose sessions
 * they are is the signed-in user's alone: a session of someone else's is a 404, whatever the form says.
 * Anyone signed in, the chair included (it is their own account).
 */
@Controller(value = "/account/sessions", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OwnSessionsController {

    private static final String VIEW = "sessions/own";

    private final SessionLedger ledger;
    private final SessionEnding ending;
    private final SessionCookies cookies;

    OwnSessionsController(SessionLedger ledger, SessionEnding ending, SessionCookies cookies) {
        this.ledger = ledger;
        this.ending = ending;
        this.cookies = cookies;
    }

    @Get
    HttpResponse<?> list(Authentication authentication, @QueryValue @Nullable String notice) {
        String current = currentSid(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("sessions", ledger.live(authentication.getName()).stream()
                .map(s -> SessionRow.of(s, s.sid().equals(current))).toList());
        model.put("banner", Notice.banner(notice, null));
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/{id}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(@PathVariable long id, Authentication authentication, HttpRequest<?> request) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean own = ledger.find(currentSid(authentication)).map(s -> s.id() != null && s.id() == id).orElse(false);
        if (!ending.endOwn(user.username(), agency(user), id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        if (own) {
            return HttpResponse.seeOther(URI.create("/login?signedOut=true")).cookie(cookies.signedOut());
        }
        return Form.done("/account/sessions", Notice.SESSION_ENDED);
    }

    @Post(value = "/end-others", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endOthers(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        MutableHttpResponse<?> done = Form.done("/account/sessions", Notice.OTHER_SESSIONS_ENDED);
        ending.endOthers(authentication, agency(user), currentSid(authentication)).ifPresent(done::cookie);
        return done;
    }

    private static @Nullable String agency(CurrentUser user) {
        return user.agencyCode().isEmpty() ? null : user.agencyCode();
    }

    private static String currentSid(Authentication authentication) {
        return authentication.getAttributes().get(TokenIssuer.SESSION_ID) instanceof String sid ? sid : "";
    }
}
