package uk.org.quadrant.common.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.ServiceOnly;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A body whose Content-Type names a charset Java does not know ({@code text/csv; charset=ebcdic-x}) is
 * the client's mistake: 415 naming the charset, not a 500 (found by the hostile-input test).
 */
final class UnsupportedCharsetHandler {

    private UnsupportedCharsetHandler() {
    }

    static HttpResponse<?> answer(ErrorResponseProcessor<?> processor, HttpRequest<?> request, String charset, Exception e) {
        return processor.processResponse(ErrorContext.builder(request).cause(e)
                        .errorMessage("The body's charset " + charset + " is not supported; send UTF-8").build(),
                HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }

    @Singleton
    @ServiceOnly
    static class Unsupported implements ExceptionHandler<UnsupportedCharsetException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Unsupported(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsupportedCharsetException exception) {
            return answer(processor, request, exception.getCharsetName(), exception);
        }
    }

    @Singleton
    @ServiceOnly
    static class IllegalName implements ExceptionHandler<IllegalCharsetNameException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        IllegalName(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, IllegalCharsetNameException exception) {
            return answer(processor, request, exception.getCharsetName(), exception);
        }
    }
}
