package uk.org.quadrant.gateway.dashboard;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Composes the board's quadrant from the three services, asking all of them at once. Each call is
 * bounded by the downstream timeout; a service that is down, slow or answering nonsense greys out
 * its own panel and nothing else.
 */
@Singleton
public class BoardDashboard {

    private final Downstream downstream;

    BoardDashboard(Downstream downstream) {
        this.downstream = downstream;
    }

    /** The panels, by name: quantitative, exceptions, qualitative, themes, voices, actions. */
    public Map<String, Panel<?>> compose(HttpRequest<?> request) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> scorecard = calls.get(Service.INDICATORS, "/api/v1/scorecard");
        CompletableFuture<Reply> grades = calls.get(Service.AUDITS, "/api/v1/grades");
        CompletableFuture<Reply> themes = calls.get(Service.AUDITS, "/api/v1/themes/analysis");
        CompletableFuture<Reply> rollups = calls.get(Service.ACTIONS, "/api/v1/rollups?by=agency");

        Map<String, Panel<?>> panels = new LinkedHashMap<>();
        Panel<List<Map<String, Object>>> sc = Calls.panel(scorecard, Service.INDICATORS, Reply::rows);
        panels.put("quantitative", sc.map(BoardDashboard::ragCounts));
        panels.put("exceptions", sc.map(rows -> rows.stream()
                .filter(r -> "RED".equals(r.get("rag")) || ("AMBER".equals(r.get("rag")) && "WORSENING".equals(r.get("direction"))))
                .toList()));
        panels.put("qualitative", Calls.panel(grades, Service.AUDITS, Reply::rows));
        Panel<List<Map<String, Object>>> th = Calls.panel(themes, Service.AUDITS, Reply::rows);
        panels.put("themes", th.map(rows -> rows.stream().filter(r -> Boolean.TRUE.equals(r.get("repeated"))).limit(8).toList()));
        panels.put("voices", th.map(rows -> rows.stream()
                .filter(r -> String.valueOf(r.get("quadrants")).contains("PRACTITIONER")
                        || String.valueOf(r.get("quadrants")).contains("CHILDREN_AND_FAMILIES"))
                .limit(6).toList()));
        panels.put("actions", Calls.panel(rollups, Service.ACTIONS, Reply::rows).map(rows -> rows.stream()
                .sorted(Comparator.comparingLong((Map<String, Object> r) -> number(r.get("overdue"))).reversed()).toList()));
        return panels;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Map<String, Long> ragCounts(List<Map<String, Object>> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rag : List.of("RED", "AMBER", "GREEN", "DATA_ONLY")) {
            counts.put(rag, rows.stream().filter(r -> rag.equals(r.get("rag"))).count());
        }
        return counts;
    }
}
