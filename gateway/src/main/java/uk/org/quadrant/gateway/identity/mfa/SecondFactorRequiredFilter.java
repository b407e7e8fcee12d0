package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.common.problem.ProblemJsonErrorResponseProcessor;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A person whose role requires a second factor ({@code quadrant.auth.mfa.required-roles}) and who has none
 * is signed in, but every page sends them to {@code /account/security} to set one up, and every JSON route
 * answers 403 problem+json saying so. Their own security page, sign-out, the sign-in pages and static
 * files stay open. Runs after the security filter, so it sees who is signed in; does nothing while no
 * role requires a factor (the demo).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecondFactorRequiredFilter implements Ordered {

    static final String PAGE = "/account/security";
    private static final List<String> OPEN = List.of(PAGE, "/logout", "/login", "/govuk/", "/assets/", "/static/", "/favicon.ico",
            "/health", "/prometheus", "/.well-known/", "/openapi/");

    private final EnrolmentCheck check;

    SecondFactorRequiredFilter(EnrolmentCheck check) {
        this.check = check;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> require(HttpRequest<?> request) {
        if (!check.anyRequired()) {
            return null;
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        String path = request.getPath();
        if (authentication.isEmpty() || OPEN.stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"))
                || !check.mustEnrol(authentication.get())) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(ProblemJsonErrorResponseProcessor.PROBLEM_JSON)
                    .body(new Problem("about:blank", "Forbidden", 403, TokenSecondFactor.SET_UP_IN_BROWSER, path, List.of()));
        }
        return HttpResponse.seeOther(URI.create(SecurityNotice.SET_UP_FIRST.on(PAGE)));
    }
}
