package uk.org.quadrant.gateway.identity.sessions;

import uk.org.quadrant.gateway.identity.tokens.SessionLedger;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.Notice;

import java.util.HashMap;
import java.util.Map;

/**
 * The board manager's view of one user's sessions ({@code /admin/users/{username}/sessions}, linked from
 * the user's admin page): list them, end one, or end all (every session and API token). The manager
 * only: the chair, who may read the board's pages, cannot end anyone's session. The user is the path's;
 * a session that is not theirs is a 404.
 */
@Controller(value = "/admin/users/{username}/sessions", produces = MediaType.TEXT_HTML)
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserSessionsController {

    private static final String VIEW = "sessions/user";

    private final SessionLedger ledger;
    private final SessionEnding ending;
    private final UserAccountRepository users;

    UserSessionsController(SessionLedger ledger, SessionEnding ending, UserAccountRepository users) {
        this.ledger = ledger;
        this.ending = ending;
        this.users = users;
    }

    @Get
    HttpResponse<?> list(@PathVariable String username, Authentication authentication, @QueryValue @Nullable String notice,
                         @QueryValue @Nullable String subject) {
        UserAccount user = require(username);
        String current = authentication.getAttributes().get(TokenIssuer.SESSION_ID) instanceof String sid ? sid : "";
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("sessions", ledger.live(user.username()).stream().map(s -> SessionRow.of(s, s.sid().equals(current))).toList());
        model.put("banner", Notice.banner(notice, subject));
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(value = "/{id}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(@PathVariable String username, @PathVariable long id, Authentication authentication) {
        UserAccount user = require(username);
        if (!ending.endByManager(user, id, changedBy(authentication))) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        return Form.done("/admin/users/" + user.username() + "/sessions", Notice.SESSION_ENDED);
    }

    @Post(value = "/end-all", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endAll(@PathVariable String username, Authentication authentication) {
        UserAccount user = require(username);
        ending.endAllByManager(user, changedBy(authentication));
        return Form.done("/admin/users/" + user.username() + "/sessions", Notice.USER_SESSIONS_ENDED, user.username());
    }

    private UserAccount require(String username) {
        return users.findByUsername(username).filter(u -> u.username().equals(username))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }

    private static ChangedBy changedBy(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new ChangedBy(user.username(), user.agencyCode().isEmpty() ? null : user.agencyCode());
    }
}
