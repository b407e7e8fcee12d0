package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.directory.HashingBusyException;
import uk.org.quadrant.gateway.identity.directory.PasswordHasher;
import uk.org.quadrant.gateway.identity.directory.PasswordRules;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.tokens.SessionCookies;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages an invitation or reset link opens: {@code GET} checks the link (without using it) and asks
 * for a passphrase; {@code POST} (the link's secret in a hidden field, the pre-session CSRF token as on
 * the sign-in form) checks the passphrase with the rules of every password form ({@link PasswordRules}),
 * uses the link and signs the person in with a new session. A link that is not one this gateway issued
 * (tampered, cut short) gets "This link is not valid" (400); one already used or past its time gets its
 * own page (410), which says how to get a new one. Nothing is changed unless the link is used here.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountLinkController {

    static final String FORM = "accounts/set-password";
    static final String PROBLEM = "accounts/link-problem";

    private final AccountLinkService accounts;
    private final PasswordHasher hasher;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;

    AccountLinkController(AccountLinkService accounts, PasswordHasher hasher, UserDirectory directory, TokenIssuer issuer,
                          SessionCookies cookies) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.directory = directory;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    @Get(value = "/account/invitation", produces = MediaType.TEXT_HTML)
    HttpResponse<?> invitation(@QueryValue @Nullable String t) {
        return open(t, LinkPurpose.INVITATION);
    }

    @Post(value = "/account/invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> acceptInvitation(@Body Map<String, Object> body) {
        return set(new Form(body), LinkPurpose.INVITATION);
    }

    @Get(value = "/account/reset-password", produces = MediaType.TEXT_HTML)
    HttpResponse<?> reset(@QueryValue @Nullable String t) {
        return open(t, LinkPurpose.RESET);
    }

    @Post(value = "/account/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> resetPassword(@Body Map<String, Object> body) {
        return set(new Form(body), LinkPurpose.RESET);
    }

    private HttpResponse<?> open(@Nullable String secret, LinkPurpose purpose) {
        AccountLinks.Checked checked = accounts.check(secret, purpose);
        if (checked.state() != AccountLinks.State.VALID) {
            return problem(checked.state(), purpose);
        }
        Map<String, Object> model = formModel(secret, purpose, checked.username());
        FormErrors.none(model);
        return page(HttpStatus.OK, FORM, model);
    }

    private HttpResponse<?> set(Form form, LinkPurpose purpose) {
        String secret = form.raw("t");
        AccountLinks.Checked checked = accounts.check(secret, purpose);
        if (checked.state() != AccountLinks.State.VALID) {
            return problem(checked.state(), purpose);
        }
        FormErrors errors = FormErrors.byInputName();
        String password = form.raw("password");
        PasswordRules.problem(password, checked.username()).ifPresent(problem -> errors.add("password", problem));
        if (errors.isEmpty() && !password.equals(form.raw("confirmPassword"))) {
            errors.add("confirmPassword", "The two passwords do not match");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> model = formModel(secret, purpose, checked.username());
            errors.into(model);
            return page(HttpStatus.BAD_REQUEST, FORM, model);
        }
        String hash;
        try {
            hash = hasher.hash(password);
        } catch (HashingBusyException busy) {
            Map<String, Object> model = formModel(secret, purpose, checked.username());
            errors.add("password", busy.getMessage());
            errors.into(model);
            return page(HttpStatus.SERVICE_UNAVAILABLE, FORM, model)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter().toSeconds())));
        }
        Optional<UserAccount> account = accounts.setPassword(secret, purpose, hash);
        if (account.isEmpty()) {
            // Lost to another request using the same link at the same moment, or the account was disabled.
            return problem(AccountLinks.State.USED, purpose);
        }
        if (purpose == LinkPurpose.RESET) {
            // A reset sets the password and nothing more: the person signs in with it, and with their second
            // factor where they have one (ASVS 5.0 6.4.3: a reset never bypasses it).
            return HttpResponse.seeOther(URI.create("/login?passwordReset=true"));
        }
        // An invitation's account has no second factor yet: signed in, and sent to set one up where the role requires it.
        return directory.findEnabled(account.get().username())
                .<HttpResponse<?>>map(user -> HttpResponse.seeOther(URI.create("/")).cookie(cookies.signedIn(issuer.issueSession(user))))
                .orElseGet(() -> HttpResponse.seeOther(URI.create("/login")));
    }

    private static Map<String, Object> formModel(String secret, LinkPurpose purpose, String username) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", secret);
        model.put("action", purpose.path());
        model.put("username", username);
        model.put("invitation", purpose == LinkPurpose.INVITATION);
        return model;
    }

    private static MutableHttpResponse<?> problem(AccountLinks.State state, LinkPurpose purpose) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state.name());
        model.put("invitation", purpose == LinkPurpose.INVITATION);
        return page(state == AccountLinks.State.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.GONE, PROBLEM, model);
    }

    private static MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }
}
