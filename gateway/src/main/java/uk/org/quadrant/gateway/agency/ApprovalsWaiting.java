package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many values wait for the manager's decision, for the navigation's "Approvals (3 waiting)" on every
 * page a manager sees. A page never waits for it: it shows the count last read (stale by at most
 * {@link #FRESH}, or until a decision here), and a stale or missing count starts one read in the background
 * with the manager's own token (the count is the same for every manager). Before the first read
 * answers, or if indicators-service does not, the link shows no count.
 */
@Singleton
public class ApprovalsWaiting implements ViewModelProcessor<Map<String, Object>> {

    /** How long a count is shown without asking again. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Count(long waiting, Instant at) {
    }

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final Clock clock;
    private final AtomicReference<Count> last = new AtomicReference<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    ApprovalsWaiting(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null || !CurrentUser.of(auth).isManager()) {
            return;
        }
        Count count = last.get();
        if (count == null || count.at().plus(FRESH).isBefore(clock.instant())) {
            refresh(request);
        }
        if (count != null) {
            modelAndView.getModel().ifPresent(model -> model.putIfAbsent("approvalsWaiting", count.waiting()));
        }
    }

    /** After a decision: the next page asks again (and this one's answer is not shown as current). */
    void changed(HttpRequest<?> request) {
        last.set(null);
        refresh(request);
    }

    private void refresh(HttpRequest<?> request) {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        downstream.forRequest(request).read(Service.INDICATORS, indicators::waiting).whenComplete((Reply<IndicatorsClient.Waiting> reply, Throwable e) -> {
            try {
                if (e == null && reply != null && reply.ok() && reply.body() != null) {
                    last.set(new Count(reply.body().waiting(), clock.instant()));
                }
            } finally {
                reading.set(false);
            }
        });
    }
}
