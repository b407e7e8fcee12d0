package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;

import java.util.Set;

/**
 * The scheduled refresh check ({@code quadrant.benchmarks.ees-api.check-every}, e.g. {@code 24h}; off when
 * unset, as on a machine that cannot reach the API). Each replica checks; a version is staged once.
 */
@Singleton
@Requires(property = "quadrant.benchmarks.ees-api.check-every")
class EesRefreshSchedule {

    private static final Caller SYSTEM = new Caller("ees-refresh", "", Set.of(Caller.MANAGER));

    private final EesRefresh refresh;

    EesRefreshSchedule(EesRefresh refresh) {
        this.refresh = refresh;
    }

    @Scheduled(fixedDelay = "${quadrant.benchmarks.ees-api.check-every}", initialDelay = "5m")
    void check() {
        refresh.check(SYSTEM);
    }
}
