package uk.org.quadrant.gateway.identity.mfa;

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
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import uk.org.quadrant.gateway.identity.throttle.SignInThrottle;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/security}: a signed-in person's own second factor (the chair's too: it is their own
 * account, not the partnership's data). Set up an authenticator app (QR code and the key as text),
 * confirm it with a code, read the recovery codes once; later turn it off or make new recovery codes,
 * each with a current code. Whose factor it is comes from the session alone. Refused codes count in
 * {@link SignInThrottle} like refused passwords, so a borrowed session cannot guess its way to turning
 * the factor off.
 */
@Controller(value = "/account/security", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountSecurityController {

    static final String VIEW = "mfa/security";
    static final String CODES_VIEW = "mfa/recovery-codes";

    private final SecondFactors factors;
    private final MfaSettings settings;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final EnrolmentCheck enrolment;

    AccountSecurityController(SecondFactors factors, MfaSettings settings, SignInThrottle throttle,
                              HttpClientAddressResolver addresses, EnrolmentCheck enrolment) {
        this.factors = factors;
        this.settings = settings;
        this.throttle = throttle;
        this.addresses = addresses;
        this.enrolment = enrolment;
    }

    @Get
    HttpResponse<?> page(Authentication authentication, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, Object> model = model(authentication);
        FormErrors.none(model);
        model.put("banner", SecurityNotice.banner(notice, subject));
        return page(HttpStatus.OK, model);
    }

    /** Begins (or begins again) an enrolment: a new key, shown on the page until it is confirmed. */
    @Post(value = "/setup", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setUp(Authentication authentication) {
        factors.begin(authentication.getName());
        return HttpResponse.seeOther(URI.create("/account/security#set-up"));
    }

    @Post(value = "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(Authentication authentication, @Body Map<String, Object> body, HttpRequest<?> request) {
        return withCode(authentication, body, request, "code", code -> {
            Optional<List<String>> codes = factors.confirm(authentication.getName(), code, agency(authentication));
            codes.ifPresent(c -> enrolment.forget(authentication.getName()));
            return codes.map(c -> recoveryCodes(c, true));
        }, "Enter the 6-digit code your authenticator app shows now for Quadrant");
    }

    @Post(value = "/off", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> turnOff(Authentication authentication, @Body Map<String, Object> body, HttpRequest<?> request) {
        return withCode(authentication, body, request, "offCode", code -> {
            boolean off = factors.turnOff(authentication.getName(), code, agency(authentication)).accepted();
            if (off) {
                enrolment.forget(authentication.getName());
            }
            return off ? Optional.of(HttpResponse.seeOther(URI.create(SecurityNotice.MFA_OFF.on("/account/security")))) : Optional.empty();
        }, "Enter the 6-digit code your authenticator app shows now, or an unused recovery code");
    }

    @Post(value = "/recovery-codes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> regenerate(Authentication authentication, @Body Map<String, Object> body, HttpRequest<?> request) {
        return withCode(authentication, body, request, "newCodesCode", code -> factors.regenerate(authentication.getName(), code,
                agency(authentication)).map(c -> recoveryCodes(c, false)), "Enter the 6-digit code your authenticator app shows now");
    }

    private interface CodeAction {
        Optional<MutableHttpResponse<?>> apply(String code);
    }

    /**
     * The shared checks of the three forms that take a code: present, not absurdly long, not throttled;
     * a refused code is counted and shown beside {@code field}.
     */
    private HttpResponse<?> withCode(Authentication authentication, Map<String, Object> body, HttpRequest<?> request, String field,
                                     CodeAction action, String wrong) {
        String code = new Form(body).value(field);
        Map<String, Object> model = model(authentication);
        FormErrors errors = FormErrors.byInputName();
        if (code.isEmpty()) {
            errors.add(field, wrong);
            errors.into(model);
            return page(HttpStatus.BAD_REQUEST, model);
        }
        String username = authentication.getName();
        String client = addresses.resolve(request);
        Optional<Duration> wait = throttle.refusal(username, client);
        if (wait.isPresent()) {
            errors.add(field, SecondStepController.tooMany(wait.get()).replace("to sign in", "with a code"));
            errors.into(model);
            return page(HttpStatus.TOO_MANY_REQUESTS, model).header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
        }
        Optional<MutableHttpResponse<?>> done = code.length() > 64 ? Optional.empty() : action.apply(code);
        if (done.isPresent()) {
            throttle.succeeded(username);
            return done.get();
        }
        throttle.failed(username, client);
        errors.add(field, "The code is not right. " + wrong);
        Map<String, Object> again = model(authentication);
        errors.into(again);
        return page(HttpStatus.BAD_REQUEST, again);
    }

    private MutableHttpResponse<?> recoveryCodes(List<String> codes, boolean justEnrolled) {
        Map<String, Object> model = new HashMap<>();
        model.put("codes", codes);
        model.put("justEnrolled", justEnrolled);
        return HttpResponse.ok(new ModelAndView<>(CODES_VIEW, model)).header("Cache-Control", "no-store");
    }

    private Map<String, Object> model(Authentication authentication) {
        SecondFactors.Status status = factors.status(authentication.getName());
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("required", settings.requiredFor(EnrolmentCheck.roles(authentication)));
        if (status.pending() != null) {
            model.put("key", status.pending().groupedKey());
            model.put("otpauthUri", status.pending().otpauthUri());
            model.put("qrSvg", QrCodeSvg.of(status.pending().otpauthUri(), "qr-title",
                    "QR code for your authenticator app. If you cannot scan it, type the key shown below instead."));
        }
        return model;
    }

    private static String agency(Authentication authentication) {
        return CurrentUser.of(authentication).agencyCode();
    }

    private static MutableHttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model)).header("Cache-Control", "no-store");
    }
}
