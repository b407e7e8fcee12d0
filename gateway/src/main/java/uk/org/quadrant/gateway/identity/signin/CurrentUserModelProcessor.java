package uk.org.quadrant.gateway.identity.signin;

import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Gives every page the signed-in user (for the header's name and sign-out button) as {@code currentUser}. */
@Singleton
class CurrentUserModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        request.getUserPrincipal(Authentication.class).ifPresent(auth ->
                modelAndView.getModel().ifPresent(model -> model.putIfAbsent("currentUser", CurrentUser.of(auth))));
    }
}
