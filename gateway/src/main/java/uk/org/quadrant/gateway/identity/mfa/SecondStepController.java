package uk.org.quadrant.gateway.identity.mfa;

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
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import uk.org.quadrant.gateway.identity.tokens.SessionCookies;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormError;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/code}: the second step of signing in. The pending sign-in (a signed hidden field,
 * {@link PendingSignIns}) says whose password was right; the code is checked like a password: refused
 * codes count in {@link SignInThrottle} for the account and the client address, and a blocked account is
 * refused before its code is looked at. A forged {@code username} field is ignored: whose sign-in it is
 * comes from the signed token alone. CSRF: the pre-session double-submit of the sign-in form.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondStepController {

    static final String CODE_MISSING = "Enter the 6-digit code from your authenticator app, or a recovery code";
    static final String CODE_WRONG = "Enter a correct code: the 6-digit code your authenticator app shows now, or an unused recovery code";
    static final String START_AGAIN = "Your sign-in took too long or could not be checked. Sign in again";

    private final PendingSignIns pending;
    private final SecondFactors factors;
    private final UserDirectory directory;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;

    SecondStepController(PendingSignIns pending, SecondFactors factors, UserDirectory directory, SignInThrottle throttle,
                         HttpClientAddressResolver addresses, TokenIssuer issuer, SessionCookies cookies) {
        this.pending = pending;
        this.factors = factors;
        this.directory = directory;
        this.throttle = throttle;
        this.addresses = addresses;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    /** Reloading the step's address (it has no page of its own): back to the sign-in form. */
    @Get(value = "/login/code", produces = MediaType.TEXT_HTML)
    HttpResponse<?> reload() {
        return HttpResponse.seeOther(URI.create("/login"));
    }

    @Post(value = "/login/code", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> code(@Body Map<String, Object> body, HttpRequest<?> request) {
        Form form = new Form(body);
        String token = form.raw("pending");
        Optional<PendingSignIns.Pending> half = pending.read(token);
        if (half.isEmpty()) {
            return startAgain();
        }
        String username = half.get().username();
        Optional<SignedInUser> user = directory.findEnabled(username)
                .filter(u -> u.sessionGeneration() == half.get().generation());
        if (user.isEmpty()) {
            return startAgain();
        }
        String code = form.value("code");
        if (code.isEmpty()) {
            return SecondStep.page(HttpStatus.BAD_REQUEST, token, List.of(new FormError("code", CODE_MISSING)));
        }
        if (code.length() > 64) {
            return SecondStep.page(HttpStatus.BAD_REQUEST, token, List.of(new FormError("code", CODE_WRONG)));
        }
        String client = addresses.resolve(request);
        Optional<Duration> wait = throttle.refusal(username, client);
        if (wait.isPresent()) {
            return SecondStep.page(HttpStatus.TOO_MANY_REQUESTS, token, List.of(new FormError("code", tooMany(wait.get()))))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
        }
        SecondFactors.Verification v = factors.verify(username, code);
        if (!v.accepted()) {
            throttle.failed(username, client);
            return SecondStep.page(HttpStatus.UNAUTHORIZED, token, List.of(new FormError("code", CODE_WRONG)));
        }
        throttle.succeeded(username);
        URI next = v.outcome() == SecondFactors.Outcome.RECOVERY_CODE
                ? URI.create(SecurityNotice.RECOVERY_CODE_USED.on("/account/security", codesLeft(v.recoveryCodesLeft())))
                : URI.create("/");
        return HttpResponse.seeOther(next).cookie(cookies.signedIn(issuer.issueSession(user.get())));
    }

    static String codesLeft(long n) {
        return n == 0 ? "no unused recovery codes" : n == 1 ? "1 unused recovery code" : n + " unused recovery codes";
    }

    /** The same words as the sign-in form's throttle. */
    static String tooMany(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        String when = seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds") : ((seconds + 59) / 60) + " minutes";
        return "Too many failed attempts to sign in. Wait " + when + ", then try again";
    }

    /** The sign-in form again, saying why. */
    private static HttpResponse<?> startAgain() {
        Map<String, Object> model = new HashMap<>();
        List<FormError> errors = List.of(new FormError("username", START_AGAIN));
        model.put("username", "");
        model.put("errors", errors);
        model.put("signedOut", false);
        model.put("usernameError", START_AGAIN);
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("identity/sign-in", model));
    }
}
