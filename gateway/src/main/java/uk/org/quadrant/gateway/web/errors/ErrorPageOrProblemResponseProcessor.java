package uk.org.quadrant.gateway.web.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.common.problem.ProblemJsonErrorResponseProcessor;

/**
 * Renders every error: a GOV.UK error page for a browser (a request that accepts HTML), otherwise the
 * same {@code application/problem+json} as the services ({@link ProblemJsonErrorResponseProcessor}),
 * whose problem detail the page shows.
 */
@Singleton
@Replaces(ProblemJsonErrorResponseProcessor.class)
class ErrorPageOrProblemResponseProcessor implements ErrorResponseProcessor<Object> {

    private final ErrorPages pages;

    ErrorPageOrProblemResponseProcessor(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    @NonNull
    public MutableHttpResponse<Object> processResponse(@NonNull ErrorContext context,
                                                       @NonNull MutableHttpResponse<?> response) {
        Problem problem = ProblemJsonErrorResponseProcessor.problemOf(context, response.getStatus());
        if (ErrorPages.wantsHtml(context.getRequest())) {
            return response.contentType(MediaType.TEXT_HTML_TYPE).body(pages.render(context.getRequest(), problem));
        }
        return response.contentType(ProblemJsonErrorResponseProcessor.PROBLEM_JSON).body(problem);
    }
}
