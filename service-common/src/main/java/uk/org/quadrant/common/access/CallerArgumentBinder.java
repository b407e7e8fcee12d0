package uk.org.quadrant.common.access;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a route take a {@code Caller caller} parameter, read from the validated token, as the framework's
 * own binder does for {@code Authentication}: binding waits until the security filter has run (it
 * answers an anonymous request to a secured route with 401 before any argument is bound).
 */
@Singleton
class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public ArgumentBinder.BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return ArgumentBinder.BindingResult.unsatisfied();   // asked again once the filters have run
        }
        Optional<Caller> caller = request.getUserPrincipal(Authentication.class).map(Caller::of);
        return caller.isPresent() ? () -> caller : ArgumentBinder.BindingResult.empty();
    }
}
