package uk.org.quadrant.gateway.identity.password;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.HashingBusyException;
import uk.org.quadrant.gateway.identity.directory.PasswordRules;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import uk.org.quadrant.gateway.identity.tokens.SessionEnd;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Change your password" (ASVS 5.0 6.2.2, 6.2.3): every signed-in person, the chair too (it is their own
 * account, not the board's data). The current password is checked, under the sign-in throttle (a stolen
 * session cannot be used to guess it faster than the sign-in form); the new one meets {@link PasswordRules}.
 * On success every other session and API token of the account ends, this one continues under the new
 * generation, and the change log records that the password changed (never the password).
 */
@Controller(value = "/account/password", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OwnPasswordController {

    static final String VIEW = "account/password";
    static final String WRONG_CURRENT = "Your current password is not right";

    private final UserDirectory directory;
    private final DirectoryAdministration administration;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final SessionEnd sessions;
    private final AccountEvents notices;

    OwnPasswordController(UserDirectory directory, DirectoryAdministration administration, SignInThrottle throttle,
                          HttpClientAddressResolver addresses, SessionEnd sessions, AccountEvents notices) {
        this.notices = notices;
        this.directory = directory;
        this.administration = administration;
        this.throttle = throttle;
        this.addresses = addresses;
        this.sessions = sessions;
    }

    @Get
    HttpResponse<?> show(@QueryValue @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        FormErrors.none(model);
        model.put("banner", Notice.banner(notice, null));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(Authentication authentication, @Body Map<String, Object> body, HttpRequest<?> request) {
        String username = authentication.getName();
        Form form = new Form(body);
        String current = form.raw("currentPassword");
        String next = form.raw("password");
        FormErrors errors = FormErrors.byInputName();
        if (current.isEmpty()) {
            errors.add("currentPassword", "Enter your current password");
        } else if (current.length() > PasswordRules.MAX_LENGTH) {
            errors.add("currentPassword", WRONG_CURRENT);
        }
        PasswordRules.problem(next, username).ifPresent(problem -> errors.add("password", problem));
        if (errors.isEmpty() && !next.equals(form.raw("confirmPassword"))) {
            errors.add("confirmPassword", "The two new passwords do not match");
        }
        if (!errors.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, errors);
        }
        String client = addresses.resolve(request);
        Optional<Duration> wait = throttle.refusal(username, client);
        if (wait.isPresent()) {
            return refused(HttpStatus.TOO_MANY_REQUESTS, errors.add("currentPassword",
                    "Too many wrong passwords. Wait " + Math.max(1, wait.get().toMinutes()) + " minutes, then try again"))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
        }
        boolean right;
        try {
            right = directory.authenticate(username, current).isPresent();
        } catch (HashingBusyException busy) {
            return refused(HttpStatus.SERVICE_UNAVAILABLE, errors.add("currentPassword", busy.getMessage()))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
        }
        if (!right) {
            throttle.failed(username, client);
            return refused(HttpStatus.BAD_REQUEST, errors.add("currentPassword", WRONG_CURRENT));
        }
        throttle.succeeded(username);
        notices.passwordChangedByOwner(administration.changeOwnPassword(username, next));
        sessions.ended(username);
        MutableHttpResponse<?> done = Form.done("/account/password", Notice.PASSWORD_CHANGED);
        sessions.continueOwn(authentication).ifPresent(done::cookie);
        return done;
    }

    private static MutableHttpResponse<?> refused(HttpStatus status, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("banner", null);
        errors.into(model);
        return (MutableHttpResponse<?>) Form.page(status, VIEW, model);
    }
}
