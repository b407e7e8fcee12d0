package uk.org.quadrant.common.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.ServiceOnly;

/** 409 for a stale version caught by the database. */
final class ConflictHandlers {

    private ConflictHandlers() {
    }

    @Singleton
    @ServiceOnly
    static class StaleWrite implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        StaleWrite(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, OptimisticLockException exception) {
            return processor.processResponse(ErrorContext.builder(request).cause(exception)
                    .errorMessage("Someone else changed this record; reload it and try again").build(), HttpResponse.status(HttpStatus.CONFLICT));
        }
    }
}
