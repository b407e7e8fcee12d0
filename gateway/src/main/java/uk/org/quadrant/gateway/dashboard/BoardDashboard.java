package uk.org.quadrant.gateway.dashboard;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.charts.Sparkline;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Composes the board's quadrant from the three services, asking all of them at once (every call is
 * started before any is waited for). Each call is bounded by the downstream timeout; a service that
 * is down, slow or answering nonsense greys out its own panels and nothing else. The filters go to
 * the services as query parameters where a service takes them, and are applied here where it does not
 * (the audit list, the roll-ups, the submission matrix).
 */
@Singleton
public class BoardDashboard {

    /** How many periods the submission matrix shows, the chosen one last. */
    static final int MATRIX_PERIODS = 3;
    /** How many overdue actions the board lists (the most overdue first); the panel says how many there are in all. */
    static final int OVERDUE_SHOWN = 20;
    /** How many recently changed audits the board lists. */
    static final int RECENT_AUDITS = 5;

    private final Downstream downstream;
    private final uk.org.quadrant.gateway.forms.Periods periods;

    BoardDashboard(Downstream downstream, uk.org.quadrant.gateway.forms.Periods periods) {
        this.downstream = downstream;
        this.periods = periods;
    }

    /** The panels by name, plus {@code matrixPeriods}: the periods of the submission matrix. */
    public Map<String, Object> compose(HttpRequest<?> request, DashboardFilters filters) {
        Calls calls = downstream.forRequest(request);
        List<ReportingPeriod> matrixPeriods = matrixPeriods(filters);

        CompletableFuture<Reply> scorecard = calls.get(Service.INDICATORS, "/api/v1/scorecard" + filters.scorecardQuery());
        List<CompletableFuture<Reply>> submissions = new ArrayList<>();
        for (ReportingPeriod p : matrixPeriods) {
            submissions.add(calls.get(Service.INDICATORS, "/api/v1/submissions?period=" + Calls.enc(p.id())));
        }
        // The few audits changed last, chosen by audits-service: not the whole list (5,000 audits at region size).
        CompletableFuture<Reply> audits = calls.get(Service.AUDITS, "/api/v1/audits/recent" + filters.recentAuditsQuery(RECENT_AUDITS));
        CompletableFuture<Reply> grades = calls.get(Service.AUDITS, "/api/v1/grades" + filters.gradesQuery());
        CompletableFuture<Reply> themes = calls.get(Service.AUDITS, "/api/v1/themes/analysis" + filters.auditsQuery(null));
        CompletableFuture<Reply> practitioners = calls.get(Service.AUDITS, "/api/v1/themes/analysis" + filters.auditsQuery("PRACTITIONER"));
        CompletableFuture<Reply> families = calls.get(Service.AUDITS, "/api/v1/themes/analysis" + filters.auditsQuery("CHILDREN_AND_FAMILIES"));
        // Counts only: the overdue actions themselves come from the paged list below, not twice from the roll-ups.
        CompletableFuture<Reply> byAgency = calls.get(Service.ACTIONS, "/api/v1/rollups?by=agency&overdueActions=false");
        CompletableFuture<Reply> byPriority = calls.get(Service.ACTIONS, "/api/v1/rollups?by=priority&overdueActions=false");
        CompletableFuture<Reply> overdue = calls.get(Service.ACTIONS, "/api/v1/actions"
                + filters.actionsQuery("delivery=OVERDUE&page=0&size=" + OVERDUE_SHOWN));

        Map<String, Object> model = new LinkedHashMap<>();
        Panel<List<Map<String, Object>>> sc = Calls.panel(scorecard, Service.INDICATORS, Reply::rows);
        model.put("quantitative", sc.map(BoardDashboard::ragCounts));
        model.put("exceptions", sc.map(BoardDashboard::exceptions));
        model.put("submissions", submissionMatrix(submissions, matrixPeriods, filters));
        model.put("matrixPeriods", matrixPeriods);
        model.put("audits", Calls.panel(audits, Service.AUDITS, Reply::rows).map(rows -> recentAudits(rows, filters)));
        model.put("grades", Calls.panel(grades, Service.AUDITS, Reply::rows));
        model.put("themes", Calls.panel(themes, Service.AUDITS, Reply::rows)
                .map(rows -> rows.stream().filter(r -> Boolean.TRUE.equals(r.get("repeated"))).limit(8).toList()));
        model.put("practitioners", Calls.panel(practitioners, Service.AUDITS, Reply::rows).map(rows -> rows.stream().limit(5).toList()));
        model.put("families", Calls.panel(families, Service.AUDITS, Reply::rows).map(rows -> rows.stream().limit(5).toList()));
        model.put("actionsByAgency", Calls.panel(byAgency, Service.ACTIONS, Reply::rows).map(rows -> rows.stream()
                .filter(r -> filters.agency() == null || filters.agency().equals(r.get("key")))
                .sorted(Comparator.comparingLong((Map<String, Object> r) -> number(r.get("overdue"))).reversed()).toList()));
        model.put("actionsByPriority", Calls.panel(byPriority, Service.ACTIONS, Reply::rows).map(rows -> rows.stream()
                .filter(r -> filters.priority() == null || String.valueOf(filters.priority()).equals(String.valueOf(r.get("key"))))
                .toList()));
        model.put("overdue", Calls.panel(overdue, Service.ACTIONS, Reply::rows).map(rows -> rows.stream()
                .map(r -> with(r, "dueDateText", DisplayDates.longDate(r.get("dueDate")))).toList()));
        model.put("overdueTotal", Calls.panel(overdue, Service.ACTIONS, r -> r.total() != null ? r.total() : (long) r.rows().size()));
        return model;
    }

    /** The chosen period and the ones before it; without a filter, the configured period or the last completed financial year. */
    List<ReportingPeriod> matrixPeriods(DashboardFilters filters) {
        ReportingPeriod last = filters.reportingPeriod()
                .orElseGet(() -> ReportingPeriod.lastCompletedFinancialYear(periods.asAt()));
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod p = last;
        for (int i = 0; i < MATRIX_PERIODS; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        return periods;
    }

    private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(key, value);
        return copy;
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static Map<String, Long> ragCounts(List<Map<String, Object>> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rag : List.of("RED", "AMBER", "GREEN", "DATA_ONLY")) {
            counts.put(rag, rows.stream().filter(r -> rag.equals(r.get("rag"))).count());
        }
        return counts;
    }

    /** Red, or amber and worsening; red first. Each with its trend (from the scorecard row itself: no further calls). */
    static List<Map<String, Object>> exceptions(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            boolean red = "RED".equals(r.get("rag"));
            boolean amberWorsening = "AMBER".equals(r.get("rag")) && "WORSENING".equals(r.get("direction"));
            if (!red && !amberWorsening) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(r);
            List<BigDecimal> trend = new ArrayList<>();
            List<String> trendText = new ArrayList<>();
            if (r.get("trend") instanceof List<?> points) {
                for (Object o : points) {
                    if (o instanceof Map<?, ?> point && point.get("value") != null) {
                        BigDecimal v = new BigDecimal(point.get("value").toString());
                        trend.add(v);
                        trendText.add(ReportingPeriod.labelOf(String.valueOf(point.get("period"))) + ": " + plain(v));
                    }
                }
            }
            row.put("sparkline", Sparkline.svg(trend));
            row.put("trendText", String.join(", ", trendText));
            row.put("ragText", red ? "Red" : "Amber, worsening");
            out.add(row);
        }
        out.sort(Comparator.comparing((Map<String, Object> r) -> "RED".equals(r.get("rag")) ? 0 : 1)
                .thenComparingLong(r -> number(r.get("priority"))));
        return out;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** The five audits most recently changed, within the period and concerning the agency when those are chosen. */
    static List<Map<String, Object>> recentAudits(List<Map<String, Object>> rows, DashboardFilters filters) {
        return rows.stream()
                .filter(a -> filters.agency() == null || filters.agency().equals(a.get("leadAgency"))
                        || (a.get("participatingAgencies") instanceof List<?> l && l.contains(filters.agency())))
                .filter(a -> filters.reportingPeriod().map(p -> overlaps(a, p)).orElse(true))
                .sorted(Comparator.comparing((Map<String, Object> a) -> String.valueOf(a.get("updatedAt"))).reversed())
                .limit(RECENT_AUDITS)
                .map(a -> with(a, "periodText", DisplayDates.longDate(a.get("periodStart")) + " to " + DisplayDates.longDate(a.get("periodEnd"))))
                .toList();
    }

    private static boolean overlaps(Map<String, Object> audit, ReportingPeriod p) {
        try {
            LocalDate start = LocalDate.parse(String.valueOf(audit.get("periodStart")));
            LocalDate end = LocalDate.parse(String.valueOf(audit.get("periodEnd")));
            return !start.isAfter(p.end()) && !end.isBefore(p.start());
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    /** One row per agency, one cell per period; unavailable if any period's call failed. */
    static Panel<List<Map<String, Object>>> submissionMatrix(List<CompletableFuture<Reply>> calls, List<ReportingPeriod> periods,
                                                            DashboardFilters filters) {
        List<Panel<Map<String, Object>>> replies = calls.stream().map(c -> Calls.panel(c, Service.INDICATORS, Reply::map)).toList();
        if (replies.stream().anyMatch(p -> !p.available())) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        TreeSet<String> agencies = new TreeSet<>();
        List<Map<String, Map<String, Object>>> byPeriod = new ArrayList<>();
        for (Panel<Map<String, Object>> reply : replies) {
            Map<String, Map<String, Object>> byAgency = new LinkedHashMap<>();
            if (reply.data().get("agencies") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m && m.get("agency") != null) {
                        @SuppressWarnings("unchecked") Map<String, Object> row = (Map<String, Object>) m;
                        byAgency.put(row.get("agency").toString(), row);
                    }
                }
            }
            agencies.addAll(byAgency.keySet());
            byPeriod.add(byAgency);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String agency : agencies) {
            if (filters.agency() != null && !filters.agency().equals(agency)) {
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                cells.add(cell(byPeriod.get(i).get(agency)));
            }
            rows.add(Map.of("agency", agency, "cells", cells));
        }
        return Panel.of(rows, Service.INDICATORS.displayName());
    }

    /** A cell in words: "3 of 4 approved" and what is still outstanding, with a tag saying where it stands. */
    private static Map<String, Object> cell(Map<String, Object> returns) {
        Map<String, Object> cell = new LinkedHashMap<>();
        if (returns == null || number(returns.get("due")) == 0) {
            cell.put("text", "Nothing due");
            cell.put("tag", "");
            cell.put("tagClass", "govuk-tag--grey");
            return cell;
        }
        long due = number(returns.get("due"));
        long approved = number(returns.get("approved"));
        List<String> outstanding = new ArrayList<>();
        for (String state : List.of("missing", "draft", "submitted", "returned")) {
            long n = number(returns.get(state));
            if (n > 0) {
                outstanding.add(n + " " + (state.equals("draft") ? "in draft" : state));
            }
        }
        cell.put("text", approved + " of " + due + " approved" + (outstanding.isEmpty() ? "" : "; " + String.join(", ", outstanding)));
        if (approved == due) {
            cell.put("tag", "Complete");
            cell.put("tagClass", "govuk-tag--green");
        } else if (number(returns.get("missing")) > 0 || number(returns.get("returned")) > 0) {
            cell.put("tag", "Outstanding");
            cell.put("tagClass", "govuk-tag--red");
        } else {
            cell.put("tag", "In progress");
            cell.put("tagClass", "govuk-tag--yellow");
        }
        return cell;
    }
}
