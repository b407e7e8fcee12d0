package uk.org.quadrant.gateway.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The three services as the gateway's pages read them: declarative clients (URLs and timeouts from
 * {@code micronaut.http.services.*}), non-blocking so a page can ask all of them at once, each call
 * carrying the signed-in user's own token so every service applies its own agency rules.
 */
final class ServiceClients {

    private ServiceClients() {
    }

    @Client(id = "indicators")
    interface Indicators {
        @Get("/api/v1/scorecard")
        CompletableFuture<List<ScorecardRow>> scorecard(@Header("Authorization") String authorization);
    }

    @Client(id = "audits")
    interface Audits {
        @Get("/api/v1/themes/analysis")
        CompletableFuture<List<ThemeRow>> themes(@Header("Authorization") String authorization,
                                                 @QueryValue @Nullable String quadrant);

        @Get("/api/v1/grades")
        CompletableFuture<List<GradesRow>> grades(@Header("Authorization") String authorization);
    }

    @Client(id = "actions")
    interface Actions {
        @Get("/api/v1/rollups?by=agency")
        CompletableFuture<List<RollupRow>> rollups(@Header("Authorization") String authorization);
    }

    @Serdeable
    record ScorecardRow(String code, String title, String ownerAgency, int priority, @Nullable String period,
                        @Nullable String periodLabel, @Nullable BigDecimal value, @Nullable BigDecimal target, String rag,
                        String direction, @Nullable BigDecimal changePercent, @Nullable String comment) {
    }

    @Serdeable
    record ThemeRow(String theme, String label, int findings, int sources, boolean repeated, List<String> quadrants) {
    }

    @Serdeable
    record GradesRow(String gradingScale, int audits, int cases, java.util.Map<String, Integer> distribution,
                     @Nullable BigDecimal percentMeetingStandard, String standard) {
    }

    @Serdeable
    record RollupRow(String key, int total, int completed, int overdue, int atRisk, int onTrack, BigDecimal percentCompleted,
                     int dueInNext30Days) {
    }
}
