package uk.org.quadrant.gateway.board;

import uk.org.quadrant.gateway.web.dates.DisplayDates;

import uk.org.quadrant.gateway.web.periods.ReportingPeriod;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.web.charts.Sparkline;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.actions.Rollup;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.benchmarks.ComparisonWording;
import uk.org.quadrant.gateway.benchmarks.HowItCompares;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;
import uk.org.quadrant.gateway.clients.indicators.Submissions;

import java.math.BigDecimal;
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
    private final uk.org.quadrant.gateway.web.periods.Periods periods;
    private final IndicatorsClient indicators;
    private final AuditsClient auditsClient;
    private final ActionsClient actionsClient;

    BoardDashboard(Downstream downstream, uk.org.quadrant.gateway.web.periods.Periods periods, IndicatorsClient indicators,
                   AuditsClient auditsClient, ActionsClient actionsClient) {
        this.downstream = downstream;
        this.periods = periods;
        this.indicators = indicators;
        this.auditsClient = auditsClient;
        this.actionsClient = actionsClient;
    }

    /**
     * An indicator that is red, or amber and worsening, with its trend drawn; {@code targetFrom} says where
     * its target comes from when it is a benchmark ("at or better than England"), {@code compared} how its
     * published figure for the period compares ("Higher than England and similar authorities"), when known.
     */
    public record ExceptionRow(String code, String title, @Nullable String ownerAgency, @Nullable Integer priority,
                            @Nullable String periodLabel, @Nullable BigDecimal value, @Nullable BigDecimal target,
                            @Nullable BigDecimal changePercent, @Nullable String rag, String ragText, String sparkline,
                            String trendText, @Nullable String comment, @Nullable String targetFrom, @Nullable String compared) {
    }

    /** One of the audits changed last, with its period in words. */
    public record RecentAudit(long id, String title, String type, String leadAgency, String status, String periodText) {
    }

    /** One overdue action, with its due date in words. */
    public record OverdueAction(long id, String ref, String action, @Nullable String leadRole, String leadAgency, String dueDateText) {
    }

    /** One agency's row of the submission matrix: a cell per period. */
    public record MatrixRow(String agency, List<MatrixCell> cells) {
    }

    /** A cell in words ("3 of 4 approved; 1 missing") with a tag saying where it stands. */
    public record MatrixCell(String text, String tag, String tagClass) {
    }

    /** The panels by name, plus {@code matrixPeriods}: the periods of the submission matrix. */
    public Map<String, Object> compose(HttpRequest<?> request, DashboardQuery filters) {
        Calls calls = downstream.forRequest(request);
        List<ReportingPeriod> matrixPeriods = matrixPeriods(filters);
        String from = filters.from();
        String to = filters.to();
        String agency = filters.agency();

        CompletableFuture<Reply<List<ScorecardRow>>> scorecard = calls.read(Service.INDICATORS,
                () -> indicators.scorecard(agency, filters.priority(), filters.period()));
        // How each figure compares with England and similar authorities: one call for every indicator.
        CompletableFuture<Reply<BenchmarkSummary>> comparisons = calls.read(Service.INDICATORS,
                () -> indicators.benchmarkSummary(filters.period()));
        List<CompletableFuture<Reply<Submissions>>> submissions = new ArrayList<>();
        for (ReportingPeriod p : matrixPeriods) {
            submissions.add(calls.read(Service.INDICATORS, () -> indicators.submissions(p.id())));
        }
        // The few audits changed last, chosen by audits-service: not the whole list (5,000 audits at region size).
        CompletableFuture<Reply<List<Audit>>> audits = calls.read(Service.AUDITS,
                () -> auditsClient.recent(from, to, agency, RECENT_AUDITS));
        CompletableFuture<Reply<List<AcrossAuditsGrades>>> grades = calls.read(Service.AUDITS, () -> auditsClient.gradesAcross(from, to));
        CompletableFuture<Reply<List<ThemeAnalysis>>> themes = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysisByAgency(from, to, agency, null));
        CompletableFuture<Reply<List<ThemeAnalysis>>> practitioners = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysisByAgency(from, to, agency, "PRACTITIONER"));
        CompletableFuture<Reply<List<ThemeAnalysis>>> families = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysisByAgency(from, to, agency, "CHILDREN_AND_FAMILIES"));
        // Counts only: the overdue actions themselves come from the paged list below, not twice from the roll-ups.
        CompletableFuture<Reply<List<Rollup>>> byAgency = calls.read(Service.ACTIONS, () -> actionsClient.rollups("agency", false));
        CompletableFuture<Reply<List<Rollup>>> byPriority = calls.read(Service.ACTIONS, () -> actionsClient.rollups("priority", false));
        CompletableFuture<Reply<List<Action>>> overdue = calls.read(Service.ACTIONS,
                () -> actionsClient.actions(agency, filters.priority(), "OVERDUE", 0, OVERDUE_SHOWN));

        Map<String, Object> model = new LinkedHashMap<>();
        Panel<List<ScorecardRow>> sc = Calls.panel(scorecard, Service.INDICATORS, BoardDashboard::rows);
        model.put("quantitative", sc.map(BoardDashboard::ragCounts));
        HowItCompares compared = HowItCompares.of(Calls.panel(comparisons, Service.INDICATORS, Reply::body));
        model.put("exceptions", sc.map(rows -> exceptions(rows, compared)));
        model.put("submissions", submissionMatrix(submissions, matrixPeriods, filters));
        model.put("matrixPeriods", matrixPeriods);
        model.put("audits", Calls.panel(audits, Service.AUDITS, BoardDashboard::rows).map(rows -> recentAudits(rows, filters)));
        model.put("grades", Calls.panel(grades, Service.AUDITS, BoardDashboard::rows));
        model.put("themes", Calls.panel(themes, Service.AUDITS, BoardDashboard::rows)
                .map(rows -> rows.stream().filter(ThemeAnalysis::repeated).limit(8).toList()));
        model.put("practitioners", Calls.panel(practitioners, Service.AUDITS, BoardDashboard::rows)
                .map(rows -> rows.stream().limit(5).toList()));
        model.put("families", Calls.panel(families, Service.AUDITS, BoardDashboard::rows).map(rows -> rows.stream().limit(5).toList()));
        model.put("actionsByAgency", Calls.panel(byAgency, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .filter(r -> agency == null || agency.equals(r.key()))
                .sorted(Comparator.comparingInt(Rollup::overdue).reversed()).toList()));
        model.put("actionsByPriority", Calls.panel(byPriority, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .filter(r -> filters.priority() == null || String.valueOf(filters.priority()).equals(r.key()))
                .toList()));
        model.put("overdue", Calls.panel(overdue, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .map(a -> new OverdueAction(a.id(), a.ref(), a.action(), a.leadRole(), a.leadAgency(), DisplayDates.longDate(a.dueDate())))
                .toList()));
        model.put("overdueTotal", Calls.panel(overdue, Service.ACTIONS, r -> r.total() != null ? r.total() : (long) rows(r).size()));
        return model;
    }

    private static <T> List<T> rows(Reply<List<T>> reply) {
        return reply.body() == null ? List.of() : reply.body();
    }

    /** The chosen period and the ones before it; without a filter, the configured period or the last completed financial year. */
    List<ReportingPeriod> matrixPeriods(DashboardQuery filters) {
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

    static Map<String, Long> ragCounts(List<ScorecardRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rag : List.of("RED", "AMBER", "GREEN", "DATA_ONLY")) {
            counts.put(rag, rows.stream().filter(r -> rag.equals(r.rag())).count());
        }
        return counts;
    }

    /** Red, or amber and worsening; red first. Each with its trend (from the scorecard row itself: no further calls). */
    static List<ExceptionRow> exceptions(List<ScorecardRow> rows, HowItCompares compared) {
        List<ExceptionRow> out = new ArrayList<>();
        for (ScorecardRow r : rows.stream().sorted(Comparator.comparing((ScorecardRow r) -> "RED".equals(r.rag()) ? 0 : 1)
                .thenComparingInt(r -> r.priority() == null ? 0 : r.priority())).toList()) {
            boolean red = "RED".equals(r.rag());
            boolean amberWorsening = "AMBER".equals(r.rag()) && "WORSENING".equals(r.direction());
            if (!red && !amberWorsening) {
                continue;
            }
            List<BigDecimal> trend = new ArrayList<>();
            List<String> trendText = new ArrayList<>();
            for (ScorecardRow.TrendPoint point : r.trend() == null ? List.<ScorecardRow.TrendPoint>of() : r.trend()) {
                if (point != null && point.value() != null) {
                    trend.add(point.value());
                    trendText.add(ReportingPeriod.labelOf(String.valueOf(point.period())) + ": " + plain(point.value()));
                }
            }
            out.add(new ExceptionRow(r.code(), r.title(), r.ownerAgency(), r.priority(), r.periodLabel(), r.value(), r.target(),
                    r.changePercent(), r.rag(), red ? "Red" : "Amber, worsening", Sparkline.svg(trend), String.join(", ", trendText),
                    r.comment(), ComparisonWording.targetFrom(r.targetFrom()), compared.words(r.code(), r.period())));
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** The five audits most recently changed, within the period and concerning the agency when those are chosen. */
    static List<RecentAudit> recentAudits(List<Audit> rows, DashboardQuery filters) {
        return rows.stream()
                .filter(a -> filters.agency() == null || filters.agency().equals(a.leadAgency()) || a.participants().contains(filters.agency()))
                .filter(a -> filters.reportingPeriod().map(p -> overlaps(a, p)).orElse(true))
                .sorted(Comparator.comparing((Audit a) -> String.valueOf(a.updatedAt())).reversed())
                .limit(RECENT_AUDITS)
                .map(a -> new RecentAudit(a.id(), a.title(), a.type(), a.leadAgency(), a.status(),
                        DisplayDates.longDate(a.periodStart()) + " to " + DisplayDates.longDate(a.periodEnd())))
                .toList();
    }

    private static boolean overlaps(Audit audit, ReportingPeriod p) {
        try {
            LocalDate start = LocalDate.parse(String.valueOf(audit.periodStart()));
            LocalDate end = LocalDate.parse(String.valueOf(audit.periodEnd()));
            return !start.isAfter(p.end()) && !end.isBefore(p.start());
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    /** One row per agency, one cell per period; unavailable if any period's call failed. */
    static Panel<List<MatrixRow>> submissionMatrix(List<CompletableFuture<Reply<Submissions>>> calls, List<ReportingPeriod> periods,
                                                   DashboardQuery filters) {
        List<Panel<Submissions>> replies = calls.stream().map(c -> Calls.panel(c, Service.INDICATORS, Reply::body)).toList();
        if (replies.stream().anyMatch(p -> !p.available())) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        TreeSet<String> agencies = new TreeSet<>();
        List<Map<String, Submissions.AgencyReturns>> byPeriod = new ArrayList<>();
        for (Panel<Submissions> reply : replies) {
            Map<String, Submissions.AgencyReturns> byAgency = new LinkedHashMap<>();
            if (reply.data() != null && reply.data().agencies() != null) {
                for (Submissions.AgencyReturns returns : reply.data().agencies()) {
                    if (returns != null && returns.agency() != null) {
                        byAgency.put(returns.agency(), returns);
                    }
                }
            }
            agencies.addAll(byAgency.keySet());
            byPeriod.add(byAgency);
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (String agency : agencies) {
            if (filters.agency() != null && !filters.agency().equals(agency)) {
                continue;
            }
            List<MatrixCell> cells = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                cells.add(cell(byPeriod.get(i).get(agency)));
            }
            rows.add(new MatrixRow(agency, cells));
        }
        return Panel.of(rows, Service.INDICATORS.displayName());
    }

    /** A cell in words: "3 of 4 approved" and what is still outstanding, with a tag saying where it stands. */
    private static MatrixCell cell(@Nullable Submissions.AgencyReturns returns) {
        if (returns == null || returns.due() == 0) {
            return new MatrixCell("Nothing due", "", "govuk-tag--grey");
        }
        long due = returns.due();
        long approved = returns.approved();
        List<String> outstanding = new ArrayList<>();
        Map<String, Integer> states = new LinkedHashMap<>();
        states.put("missing", returns.missing());
        states.put("in draft", returns.draft());
        states.put("submitted", returns.submitted());
        states.put("returned", returns.returned());
        states.forEach((state, n) -> {
            if (n > 0) {
                outstanding.add(n + " " + state);
            }
        });
        String text = approved + " of " + due + " approved" + (outstanding.isEmpty() ? "" : "; " + String.join(", ", outstanding));
        if (approved == due) {
            return new MatrixCell(text, "Complete", "govuk-tag--green");
        } else if (returns.missing() > 0 || returns.returned() > 0) {
            return new MatrixCell(text, "Outstanding", "govuk-tag--red");
        }
        return new MatrixCell(text, "In progress", "govuk-tag--yellow");
    }
}
