package uk.org.quadrant.gateway.identity.csrf;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts the request's CSRF token into every page model as {@code csrfToken} for hidden form fields. */
@Singleton
public class CsrfTokenModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        request.getAttribute(CsrfFilter.ATTRIBUTE, String.class).ifPresent(token ->
                modelAndView.getModel().ifPresent(model -> model.putIfAbsent(CsrfFilter.FIELD, token)));
    }
}
