package uk.org.quadrant.gateway.dashboard;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Composes the board's quadrant from the three services, asking all of them at once. Each call is
 * bounded by the panel timeout; a service that is down, slow or answering nonsense greys out its
 * own panel and nothing else. Nothing is retried: the next page load asks again.
 */
@Singleton
public class BoardDashboard {

    private static final Logger LOG = LoggerFactory.getLogger(BoardDashboard.class);

    private final ServiceClients.Indicators indicators;
    private final ServiceClients.Audits audits;
    private final ServiceClients.Actions actions;
    private final long timeoutMillis;

    BoardDashboard(ServiceClients.Indicators indicators, ServiceClients.Audits audits, ServiceClients.Actions actions,
                   @Value("${quadrant.dashboard.panel-timeout:PT2.5S}") Duration timeout) {
        this.indicators = indicators;
        this.audits = audits;
        this.actions = actions;
        this.timeoutMillis = timeout.toMillis();
    }

    /** The panels, by name: quantitative, exceptions, qualitative, themes, voices, actions. */
    public Map<String, Panel<?>> compose(String bearer) {
        CompletableFuture<Panel<List<ServiceClients.ScorecardRow>>> scorecard = panel(indicators.scorecard(bearer), "indicators-service");
        CompletableFuture<Panel<List<ServiceClients.GradesRow>>> grades = panel(audits.grades(bearer), "audits-service");
        CompletableFuture<Panel<List<ServiceClients.ThemeRow>>> themes = panel(audits.themes(bearer, null), "audits-service");
        CompletableFuture<Panel<List<ServiceClients.RollupRow>>> rollups = panel(actions.rollups(bearer), "actions-service");
        CompletableFuture.allOf(scorecard, grades, themes, rollups).join();

        Map<String, Panel<?>> panels = new LinkedHashMap<>();
        Panel<List<ServiceClients.ScorecardRow>> sc = scorecard.join();
        panels.put("quantitative", map(sc, BoardDashboard::ragCounts));
        panels.put("exceptions", map(sc, rows -> rows.stream()
                .filter(r -> r.rag().equals("RED") || (r.rag().equals("AMBER") && r.direction().equals("WORSENING")))
                .toList()));
        panels.put("qualitative", grades.join());
        Panel<List<ServiceClients.ThemeRow>> th = themes.join();
        panels.put("themes", map(th, rows -> rows.stream().filter(ServiceClients.ThemeRow::repeated).limit(8).toList()));
        panels.put("voices", map(th, rows -> rows.stream()
                .filter(r -> r.quadrants().contains("PRACTITIONER") || r.quadrants().contains("CHILDREN_AND_FAMILIES"))
                .limit(6).toList()));
        panels.put("actions", map(rollups.join(), rows -> rows.stream()
                .sorted(Comparator.comparingInt(ServiceClients.RollupRow::overdue).reversed()).toList()));
        return panels;
    }

    private <T> CompletableFuture<Panel<T>> panel(CompletableFuture<T> call, String service) {
        return call.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .thenApply(data -> Panel.of(data, service))
                .exceptionally(e -> {
                    LOG.warn("{} did not answer for the board dashboard: {}", service, e.toString());
                    call.cancel(true);
                    return Panel.unavailable(service);
                });
    }

    private static <T, R> Panel<R> map(Panel<T> panel, Function<T, R> f) {
        return panel.available() ? Panel.of(f.apply(panel.data()), panel.service()) : Panel.unavailable(panel.service());
    }

    private static Map<String, Long> ragCounts(List<ServiceClients.ScorecardRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rag : List.of("RED", "AMBER", "GREEN", "DATA_ONLY")) {
            counts.put(rag, rows.stream().filter(r -> r.rag().equals(rag)).count());
        }
        return counts;
    }
}
