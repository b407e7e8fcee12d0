package uk.org.quadrant.gateway.clients;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A page that cannot be drawn without a service that is not answering is a 503, said plainly
 * (an HTML page for a browser, problem+json for a client), never a stack trace.
 */
@Singleton
class DownstreamUnavailableHandler implements ExceptionHandler<DownstreamUnavailableException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    DownstreamUnavailableHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DownstreamUnavailableException exception) {
        String message = exception.service().displayName()
                + " is not answering at the moment, so this page cannot be shown. Try again in a minute.";
        return processor.processResponse(ErrorContext.builder(request)
                .cause(new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, message))
                .errorMessage(message)
                .build(), HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
