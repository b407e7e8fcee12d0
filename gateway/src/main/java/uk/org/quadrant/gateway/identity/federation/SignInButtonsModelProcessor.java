package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Puts the configured providers into the sign-in page's model as {@code signInProviders}: one
 * "Sign in with …" button each (none configured: no buttons, the page as before).
 */
@Singleton
class SignInButtonsModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    static final String VIEW = "identity/sign-in";

    private final IdentityProviders providers;

    SignInButtonsModelProcessor(IdentityProviders providers) {
        this.providers = providers;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        if (modelAndView.getView().filter(VIEW::equals).isPresent()) {
            modelAndView.getModel().ifPresent(model -> model.putIfAbsent("signInProviders", providers.all()));
        }
    }
}
