package uk.org.quadrant.common.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

@Singleton
class InvalidRequestExceptionHandler implements ExceptionHandler<InvalidRequestException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    InvalidRequestExceptionHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidRequestException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.status(exception.status()));
    }
}
