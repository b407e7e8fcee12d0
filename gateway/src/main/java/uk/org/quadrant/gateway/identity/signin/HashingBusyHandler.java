package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.HashingBusyException;

/**
 * 503 with {@code Retry-After} when password hashing is at capacity: problem+json for the token API,
 * the error page for the admin pages (the sign-in form answers with its own page).
 */
@Singleton
class HashingBusyHandler implements ExceptionHandler<HashingBusyException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    HashingBusyHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HashingBusyException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds()))));
    }
}
