package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** 429 problem+json with {@code Retry-After} for a throttled token request. */
@Singleton
class TooManyAttemptsHandler implements ExceptionHandler<TooManyAttemptsException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    TooManyAttemptsHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, TooManyAttemptsException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.waitFor().toSeconds()))));
    }
}
