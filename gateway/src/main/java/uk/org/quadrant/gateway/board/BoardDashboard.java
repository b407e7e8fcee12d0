package uk.org.quadrant.gateway.board;

import uk.org.quadrant.gateway.web.dates.DisplayDates;
import uk.org.quadrant.gateway.web.words.Words;

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

    /** One agency's row of the submission matrix, by name: a cell per period. */
    public record MatrixRow(String agency, String name, List<MatrixCell> cells) {
    }

    /**
     * A cell in words ("3 of 4 approved; 1 missing") with a tag saying where it stands ("Late" once the
     * period's returns are past their deadline and some are not in); {@code waiting}: values submitted
     * and waiting for the board.
     */
    public record MatrixCell(String text, String tag, String tagClass, boolean late, long waiting) {
    }

    /**
     * The panels by name, plus {@code matrixPeriods}: the periods of the submission matrix, and
     * {@code overview}: the first screen. {@code names}: agencies' names by code (an unknown code reads as itself).
     */
    public Map<String, Object> compose(HttpRequest<?> request, DashboardQuery filters, boolean manager, Map<String, String> names) {
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
        // With a period chosen, the actions due in it (the period filter applies to every panel).
        CompletableFuture<Reply<List<Rollup>>> byAgency = calls.read(Service.ACTIONS, () -> actionsClient.rollups("agency", false, from, to));
        CompletableFuture<Reply<List<Rollup>>> byPriority = calls.read(Service.ACTIONS, () -> actionsClient.rollups("priority", false, from, to));
        CompletableFuture<Reply<List<Action>>> overdue = calls.read(Service.ACTIONS,
                () -> actionsClient.actions(agency, filters.priority(), "OVERDUE", from, to, 0, OVERDUE_SHOWN));

        Map<String, Object> model = new LinkedHashMap<>();
        Panel<List<ScorecardRow>> all = Calls.panel(scorecard, Service.INDICATORS, BoardDashboard::rows);
        // a period chosen: only the figures of that period count (the scorecard answers each indicator's latest up to it)
        Panel<List<ScorecardRow>> sc = all.map(rows -> rows.stream().filter(r -> r.value() != null && inPeriod(r, filters)).toList());
        String periodLabel = filters.reportingPeriod().map(ReportingPeriod::label).orElse(null);
        Panel<Map<String, Long>> ragCounts = all.map(rows -> ragCounts(rows, filters));
        model.put("quantitative", ragCounts);
        model.put("periodLabel", periodLabel);
        Map<String, String> ragLabels = new LinkedHashMap<>();
        for (String key : List.of("RED", "AMBER", "GREEN", "DATA_ONLY", NO_FIGURE)) {
            ragLabels.put(key, ragLabel(key, periodLabel));
        }
        model.put("ragLabels", ragLabels);
        model.put("agencyNames", names);
        HowItCompares compared = HowItCompares.of(Calls.panel(comparisons, Service.INDICATORS, Reply::body));
        Panel<List<ExceptionRow>> exceptionRows = sc.map(rows -> exceptions(rows, compared, names));
        model.put("exceptions", exceptionRows);
        Panel<List<MatrixRow>> matrix = submissionMatrix(submissions, matrixPeriods, filters, names, periods);
        model.put("submissions", matrix);
        model.put("matrixPeriods", matrixPeriods);
        model.put("audits", Calls.panel(audits, Service.AUDITS, BoardDashboard::rows).map(rows -> recentAudits(rows, filters, names)));
        Panel<List<AcrossAuditsGrades>> gradesPanel = Calls.panel(grades, Service.AUDITS, BoardDashboard::rows);
        model.put("grades", gradesPanel);
        Panel<List<ThemeAnalysis>> themesPanel = Calls.panel(themes, Service.AUDITS, BoardDashboard::rows)
                .map(rows -> rows.stream().filter(ThemeAnalysis::repeated).limit(8).toList());
        model.put("themes", themesPanel);
        Panel<List<ThemeAnalysis>> practitionersPanel = Calls.panel(practitioners, Service.AUDITS, BoardDashboard::rows)
                .map(rows -> rows.stream().limit(5).toList());
        model.put("practitioners", practitionersPanel);
        Panel<List<ThemeAnalysis>> familiesPanel = Calls.panel(families, Service.AUDITS, BoardDashboard::rows)
                .map(rows -> rows.stream().limit(5).toList());
        model.put("families", familiesPanel);
        Panel<List<Rollup>> byAgencyPanel = Calls.panel(byAgency, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .filter(r -> agency == null || agency.equals(r.key()))
                .sorted(Comparator.comparingInt(Rollup::overdue).reversed()).toList());
        model.put("actionsByAgency", byAgencyPanel);
        model.put("actionsByPriority", Calls.panel(byPriority, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .filter(r -> filters.priority() == null || String.valueOf(filters.priority()).equals(r.key()))
                .toList()));
        Panel<List<OverdueAction>> overduePanel = Calls.panel(overdue, Service.ACTIONS, BoardDashboard::rows).map(rows -> rows.stream()
                .map(a -> new OverdueAction(a.id(), a.ref(), a.action(), a.leadRole(), names.getOrDefault(a.leadAgency(), a.leadAgency()),
                        DisplayDates.longDate(a.dueDate())))
                .toList());
        model.put("overdue", overduePanel);
        Panel<Long> overdueTotal = Calls.panel(overdue, Service.ACTIONS, r -> r.total() != null ? r.total() : (long) rows(r).size());
        model.put("overdueTotal", overdueTotal);
        model.put("overview", BoardOverview.of(new BoardOverview.Sources(ragCounts, exceptionRows, gradesPanel, themesPanel,
                practitionersPanel, familiesPanel, byAgencyPanel, overdueTotal, overduePanel, matrix, periodLabel, manager)));
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

    /** The key of the indicators with no figure (for the chosen period, or at all). */
    static final String NO_FIGURE = "NO_FIGURE";

    /**
     * Indicators by rating, of those with a figure (for the chosen period when there is one), and how many
     * have none: "No target" counts only indicators that have a figure but no target.
     */
    static Map<String, Long> ragCounts(List<ScorecardRow> rows, DashboardQuery filters) {
        List<ScorecardRow> withFigure = rows.stream().filter(r -> r.value() != null && inPeriod(r, filters)).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String rag : List.of("RED", "AMBER", "GREEN", "DATA_ONLY")) {
            counts.put(rag, withFigure.stream().filter(r -> rag.equals(r.rag())).count());
        }
        counts.put(NO_FIGURE, (long) (rows.size() - withFigure.size()));
        return counts;
    }

    /** A rating's key in words for the tiles: "Red", "No target", "No figure for 2019/20". */
    public static String ragLabel(String key, @Nullable String periodLabel) {
        if (NO_FIGURE.equals(key)) {
            return periodLabel == null ? "No figure yet" : "No figure for " + periodLabel;
        }
        return Words.rag(key).text();
    }

    /** Without a period chosen every figure counts; with one, a figure whose period ends within it. */
    static boolean inPeriod(ScorecardRow r, DashboardQuery filters) {
        return filters.reportingPeriod().map(p -> ReportingPeriod.parse(r.period())
                .map(own -> !own.end().isBefore(p.start()) && !own.end().isAfter(p.end())).orElse(false)).orElse(true);
    }

    /** Red, or amber and worsening; red first. Each with its trend (from the scorecard row itself: no further calls). */
    static List<ExceptionRow> exceptions(List<ScorecardRow> rows, HowItCompares compared, Map<String, String> names) {
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
            out.add(new ExceptionRow(r.code(), r.title(), names.getOrDefault(r.ownerAgency(), r.ownerAgency()), r.priority(), r.periodLabel(), r.value(), r.target(),
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
    static List<RecentAudit> recentAudits(List<Audit> rows, DashboardQuery filters, Map<String, String> names) {
        return rows.stream()
                .filter(a -> filters.agency() == null || filters.agency().equals(a.leadAgency()) || a.participants().contains(filters.agency()))
                .filter(a -> filters.reportingPeriod().map(p -> overlaps(a, p)).orElse(true))
                .sorted(Comparator.comparing((Audit a) -> String.valueOf(a.updatedAt())).reversed())
                .limit(RECENT_AUDITS)
                .map(a -> new RecentAudit(a.id(), a.title(), Words.of(a.type()), names.getOrDefault(a.leadAgency(), a.leadAgency()),
                        Words.of(a.status()),
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
                                                   DashboardQuery filters, Map<String, String> names,
                                                   uk.org.quadrant.gateway.web.periods.Periods deadlines) {
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
                LocalDate deadline = deadlines.deadline(periods.get(i).id());
                cells.add(cell(byPeriod.get(i).get(agency), deadline != null && deadlines.asAt().isAfter(deadline)));
            }
            rows.add(new MatrixRow(agency, names.getOrDefault(agency, agency), cells));
        }
        return Panel.of(rows, Service.INDICATORS.displayName());
    }

    /**
     * A cell in words: "3 of 4 approved" and what is still outstanding, with a tag saying where it stands:
     * Complete; Late (past the deadline with returns not in); Returned (values sent back for correction);
     * In progress; Not yet due.
     */
    private static MatrixCell cell(@Nullable Submissions.AgencyReturns returns, boolean pastDeadline) {
        if (returns == null || returns.due() == 0) {
            return new MatrixCell("Nothing due", "", "govuk-tag--grey", false, 0);
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
        long waiting = returns.submitted();
        boolean notIn = returns.missing() > 0 || returns.draft() > 0;
        if (approved == due) {
            return new MatrixCell(text, "Complete", "govuk-tag--green", false, waiting);
        } else if (pastDeadline && notIn) {
            return new MatrixCell(text, "Late", "govuk-tag--red", true, waiting);
        } else if (returns.returned() > 0) {
            return new MatrixCell(text, "Returned", "govuk-tag--orange", false, waiting);
        } else if (!pastDeadline && approved == 0 && returns.submitted() == 0) {
            return new MatrixCell(text, "Not yet due", "govuk-tag--grey", false, waiting);
        }
        return new MatrixCell(text, "In progress", "govuk-tag--yellow", false, waiting);
    }
}
