package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.util.Map;

/**
 * Gives the manager's user page ({@code admin/user-edit}) the person's second factor, as
 * {@code secondFactor}, for its "Second factor" section ({@code mfa/admin-section}), and the reset's banner
 * as {@code secondFactorBanner}; the user pages' controller knows nothing of it.
 */
@Singleton
class AdminSecondFactorModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    private final SecondFactors factors;

    AdminSecondFactorModelProcessor(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        if (!"admin/user-edit".equals(modelAndView.getView().orElse(null))) {
            return;
        }
        modelAndView.getModel().ifPresent(model -> {
            if (model.get("user") instanceof UserAccount user) {
                model.putIfAbsent("secondFactor", factors.summary(user.username()));
                model.putIfAbsent("secondFactorBanner", SecurityNotice.banner(request.getParameters().get("notice"),
                        request.getParameters().get("subject")));
            }
        });
    }
}
