package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.directory.HashingBusyException;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;
import uk.org.quadrant.gateway.identity.mfa.SecondStep;
import uk.org.quadrant.gateway.web.forms.FormError;
import uk.org.quadrant.gateway.identity.tokens.SessionCookies;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;

import java.net.URI;
import java.time.Duration;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sign-in and sign-out. A failed sign-in says only that the username or password is wrong,
 * never which, and keeps the username typed so far.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {

    static final String BAD_CREDENTIALS = "Enter a correct username and password";

    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final SecondStep secondStep;

    SignInController(UserDirectory directory, TokenIssuer issuer, SessionCookies cookies, SignInThrottle throttle,
                     HttpClientAddressResolver addresses, SecondStep secondStep) {
        this.secondStep = secondStep;
        this.directory = directory;
        this.issuer = issuer;
        this.cookies = cookies;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(@Nullable Authentication authentication, @QueryValue @Nullable String signedOut,
                         @QueryValue @Nullable String passwordReset) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Map<String, Object> model = model("", List.of());
        model.put("signedOut", signedOut != null);
        model.put("passwordReset", passwordReset != null);
        return HttpResponse.ok(new ModelAndView<>("identity/sign-in", model));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(@Body SignInForm form, HttpRequest<?> request) {
        String username = Optional.ofNullable(form.username()).map(String::trim).orElse("");
        String password = Optional.ofNullable(form.password()).orElse("");
        List<FormError> errors = new ArrayList<>();
        if (username.isEmpty()) {
            errors.add(new FormError("username", "Enter your username"));
        } else if (username.length() > 100) {
            errors.add(new FormError("username", "Username must be 100 characters or fewer"));
        }
        if (password.isEmpty()) {
            errors.add(new FormError("password", "Enter your password"));
        } else if (password.length() > 1024) {
            errors.add(new FormError("password", "Password must be 1024 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("identity/sign-in", model(username, errors)));
        }
        String client = addresses.resolve(request);
        Optional<Duration> wait = throttle.refusal(username, client);
        if (wait.isPresent()) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())))
                    .body(new ModelAndView<>("identity/sign-in", model(username, List.of(new FormError("username", tooMany(wait.get()))))));
        }
        Optional<SignedInUser> user;
        try {
            user = directory.authenticate(username, password);
        } catch (HashingBusyException busy) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter().toSeconds())))
                    .body(new ModelAndView<>("identity/sign-in", model(username, List.of(new FormError("username", busy.getMessage())))));
        }
        if (user.isEmpty()) {
            throttle.failed(username, client);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(new ModelAndView<>("identity/sign-in", model(username, List.of(new FormError("username", BAD_CREDENTIALS)))));
        }
        // An account with a second factor gets the code form, not a session; its throttle count stays until the code is right.
        Optional<HttpResponse<?>> codeStep = secondStep.instead(user.get());
        if (codeStep.isPresent()) {
            return codeStep.get();
        }
        throttle.succeeded(username);
        return HttpResponse.seeOther(URI.create("/")).cookie(cookies.signedIn(issuer.issueSession(user.get())));
    }

    @Post(value = "/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL},
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> signOut(@Nullable Authentication authentication, HttpRequest<?> request) {
        return HttpResponse.seeOther(URI.create("/login?signedOut=true")).cookie(cookies.endSession(authentication, request));
    }

    /** The same words whether or not the account exists. */
    static String tooMany(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        String when = seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds")
                : ((seconds + 59) / 60) + " minutes";
        return "Too many failed attempts to sign in. Wait " + when + ", then try again";
    }

    private static Map<String, Object> model(String username, List<FormError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", username);
        model.put("errors", errors);
        model.put("signedOut", false);
        model.put("passwordReset", false);
        errors.forEach(e -> model.put(e.field() + "Error", e.message()));
        return model;
    }
}
