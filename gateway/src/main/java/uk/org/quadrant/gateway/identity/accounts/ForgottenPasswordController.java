package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import uk.org.quadrant.gateway.identity.directory.EmailAddresses;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * "Forgotten your password?" ({@code /login/forgotten}): a username or e-mail address in, always the same
 * "check your e-mail" page out, whether or not it names an account, the account is disabled, has no
 * address or was asked for too often ({@link ResetThrottle}). The lookup and the e-mail happen after the
 * answer, on the blocking pool, so the answer's timing does not tell either. Too many requests from one
 * client address: 429, which says nothing about any account. The form posts with the sign-in form's
 * pre-session CSRF token.
 */
@Controller("/login/forgotten")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ForgottenPasswordController {

    static final String VIEW = "accounts/forgotten";

    private final AccountLinkService accounts;
    private final ResetThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final ExecutorService executor;

    ForgottenPasswordController(AccountLinkService accounts, ResetThrottle throttle, HttpClientAddressResolver addresses,
                                @Named("account-reset") ExecutorService executor) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.addresses = addresses;
        this.executor = executor;
        // The lookup runs after the answer: on a thread of its own, so it carries nothing of the request.
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page() {
        Map<String, Object> model = model("", false);
        FormErrors.none(model);
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> ask(@Body Map<String, Object> body, HttpRequest<?> request) {
        Form form = new Form(body);
        String typed = form.value("account");
        FormErrors errors = FormErrors.byInputName();
        if (typed.isEmpty()) {
            errors.add("account", "Enter your username or e-mail address");
        } else if (typed.length() > EmailAddresses.MAX_LENGTH) {
            errors.add("account", "Username or e-mail address must be " + EmailAddresses.MAX_LENGTH + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> model = model(typed, false);
            errors.into(model);
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, model));
        }
        String client = addresses.resolve(request);
        if (!throttle.clientMayAsk(client)) {
            Map<String, Object> model = model(typed, false);
            errors.add("account", "Too many requests from your network. Wait 15 minutes, then try again");
            errors.into(model);
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "900")
                    .body(new ModelAndView<>(VIEW, model));
        }
        if (throttle.accountMayBeSent(typed)) {
            executor.execute(() -> accounts.requestReset(typed, client));
        }
        Map<String, Object> model = model("", true);
        FormErrors.none(model);
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    private static Map<String, Object> model(String typed, boolean sent) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", typed);
        model.put("sent", sent);
        return model;
    }
}
