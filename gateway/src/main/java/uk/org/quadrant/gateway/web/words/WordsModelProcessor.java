package uk.org.quadrant.gateway.web.words;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts {@link Words} into every page model as {@code words}, so templates never spell out a code. */
@Singleton
class WordsModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    private static final Words.View WORDS = new Words.View();

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> model.putIfAbsent("words", WORDS));
    }
}
