package uk.org.quadrant.indicators.values;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.domain.ValueWorkflow;

/** 409 for a workflow step that is not allowed now (submitting an approved value, say), with the rule's message. */
@Singleton
class IllegalTransitionHandler implements ExceptionHandler<ValueWorkflow.IllegalTransitionException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    IllegalTransitionHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ValueWorkflow.IllegalTransitionException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage(exception.getMessage()).build(), HttpResponse.status(HttpStatus.CONFLICT));
    }
}
