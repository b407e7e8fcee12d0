package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.web.forms.FormError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in form's second step: after a correct password for an account with a confirmed second
 * factor, no session is issued; the code form ({@code POST /login/code}) is shown instead, carrying a
 * pending sign-in ({@link PendingSignIns}). The throttle's count for the account is not cleared by the
 * password: only a right code clears it.
 */
@Singleton
public class SecondStep {

    static final String VIEW = "mfa/code";

    private final SecondFactors factors;
    private final PendingSignIns pending;

    SecondStep(SecondFactors factors, PendingSignIns pending) {
        this.factors = factors;
        this.pending = pending;
    }

    /** The code form in place of a session, when {@code user} has a second factor. */
    public Optional<HttpResponse<?>> instead(SignedInUser user) {
        if (!factors.hasConfirmed(user.username())) {
            return Optional.empty();
        }
        return Optional.of(page(HttpStatus.OK, pending.issue(user), List.of()));
    }

    static MutableHttpResponse<?> page(HttpStatus status, String pendingToken, List<FormError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("pending", pendingToken);
        model.put("errors", errors);
        model.put("codeError", errors.isEmpty() ? null : errors.get(0).message());
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model)).header("Cache-Control", "no-store");
    }
}
