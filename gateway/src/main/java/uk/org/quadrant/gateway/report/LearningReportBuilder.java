package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.web.words.Words;
import uk.org.quadrant.gateway.benchmarks.ComparisonWording;
import uk.org.quadrant.gateway.benchmarks.HowItCompares;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;
import uk.org.quadrant.gateway.report.LearningReport.Example;
import uk.org.quadrant.gateway.report.LearningReport.GradeCount;
import uk.org.quadrant.gateway.report.LearningReport.GradeScale;
import uk.org.quadrant.gateway.report.LearningReport.Impact;
import uk.org.quadrant.gateway.report.LearningReport.IndicatorFigure;
import uk.org.quadrant.gateway.report.LearningReport.OpenAction;
import uk.org.quadrant.gateway.report.LearningReport.Qualitative;
import uk.org.quadrant.gateway.report.LearningReport.Quantitative;
import uk.org.quadrant.gateway.report.LearningReport.RagCount;
import uk.org.quadrant.gateway.report.LearningReport.SourceCount;
import uk.org.quadrant.gateway.report.LearningReport.SummaryPart;
import uk.org.quadrant.gateway.report.LearningReport.Term;
import uk.org.quadrant.gateway.report.LearningReport.Theme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.org.quadrant.gateway.report.ReportWording.count;
import static uk.org.quadrant.gateway.report.ReportWording.text;

/**
 * Builds the {@link LearningReport} from what the services answered: pure Java over the services' records,
 * no calls, so the whole report can be checked without HTTP. It selects (the year's figures that are
 * off target or worsening, the year's audits, completed and open actions) and words; it never
 * recomputes a figure a service computed.
 */
public final class LearningReportBuilder {

    private static final List<String> RAGS = List.of("RED", "AMBER", "GREEN", "DATA_ONLY");
    private static final List<String> AUDIT_ORDER = List.of("MULTI_AGENCY_CASE_AUDIT", "SINGLE_AGENCY_AUDIT",
            "SECTION_11_SELF_ASSESSMENT", "SERIOUS_CASE_REVIEW", "LEARNING_REVIEW", "DOMESTIC_HOMICIDE_REVIEW",
            "PRACTITIONER_EVENT_OR_SURVEY", "CHILDREN_AND_FAMILIES_ENGAGEMENT", "COMPLAINTS_SUMMARY");
    private static final int SUMMARY_THEMES = 5;

    private final String partnership;
    private final Map<String, String> agencyNames;

    /**
     * @param partnership the partnership's name for the title page
     * @param agencyNames display names by agency code (codes are shown where a name is missing)
     */
    public LearningReportBuilder(String partnership, Map<String, String> agencyNames) {
        this.partnership = partnership;
        this.agencyNames = Map.copyOf(agencyNames);
    }

    public LearningReport build(ReportYear year, LocalDate today, ReportSources in) {
        HowItCompares compared = HowItCompares.of(in.comparisons());
        Panel<Quantitative> quantitative = in.scorecard().map(rows -> quantitative(year, rows, compared));
        Panel<LearningReport.Headlines> headlines = in.scorecard().map(rows -> HeadlineMovements.of(year, rows, compared));
        Panel<Qualitative> qualitative = qualitative(year, in);
        Panel<List<Theme>> practitioners = in.practitionerThemes().map(LearningReportBuilder::themes);
        Panel<List<Theme>> families = in.familiesThemes().map(LearningReportBuilder::themes);
        Panel<List<Impact>> impact = impact(year, in);
        Panel<List<OpenAction>> open = in.actions().map(this::openActions);
        Panel<List<Example>> recommendations = recommendations(in);
        List<SummaryPart> summary = List.of(
                quantitativeSummary(year, quantitative),
                qualitativeSummary(year, qualitative),
                viewsSummary("1.3", "Practitioner views", year, practitioners, "practitioners"),
                viewsSummary("1.4", "Children, young people and families' views", year, families, "children, young people and families"),
                actionsSummary(year, impact, open, recommendations));
        return new LearningReport(partnership, year, ReportWording.date(today), headlines, summary, quantitative, qualitative, practitioners,
                families, impact, open, recommendations, glossary());
    }

    // --- 2.1 quantitative ---------------------------------------------------------------------------

    private Quantitative quantitative(ReportYear year, List<ScorecardRow> scorecard, HowItCompares compared) {
        List<ScorecardRow> inYear = scorecard.stream().filter(r -> year.holds(text(r.period()))).toList();
        List<RagCount> rags = RAGS.stream()
                .map(rag -> new RagCount(Words.rag(rag).text(), inYear.stream().filter(r -> rag.equals(r.rag())).count()))
                .toList();
        Comparator<ScorecardRow> redFirst = Comparator.comparingInt((ScorecardRow r) -> RAGS.indexOf(text(r.rag())))
                .thenComparing(r -> text(r.title()));
        List<IndicatorFigure> offTarget = inYear.stream().filter(LearningReportBuilder::offTarget).sorted(redFirst)
                .map(r -> figure(r, compared)).toList();
        List<IndicatorFigure> worsening = inYear.stream()
                .filter(r -> !offTarget(r) && "WORSENING".equals(r.direction()))
                .sorted(Comparator.comparing(r -> text(r.title()))).map(r -> figure(r, compared)).toList();
        return new Quantitative(inYear.size(), scorecard.size() - inYear.size(), rags, offTarget, worsening);
    }

    private static boolean offTarget(ScorecardRow r) {
        return "RED".equals(r.rag()) || "AMBER".equals(r.rag());
    }

    private IndicatorFigure figure(ScorecardRow r, HowItCompares compared) {
        String unit = text(r.unit());
        String targetFrom = ComparisonWording.targetFrom(r.targetFrom());
        String target = targetFrom == null ? ReportWording.value(r.target(), unit) : r.target() == null
                ? Character.toUpperCase(targetFrom.charAt(0)) + targetFrom.substring(1)
                : ReportWording.value(r.target(), unit) + " (" + targetFrom + ")";
        return new IndicatorFigure(text(r.code()), text(r.title()), agency(r.ownerAgency()),
                r.periodLabel() == null ? text(r.period()) : text(r.periodLabel()),
                ReportWording.value(r.value(), unit), target,
                ReportWording.value(r.previousValue(), unit), ReportWording.change(r.change(), unit),
                ReportWording.changePercent(r.changePercent()), Words.rag(r.rag() == null ? "DATA_ONLY" : r.rag()).text(),
                Words.of(r.direction() == null ? "NO_PREVIOUS" : r.direction()), text(r.rag()), compared.words(r.code(), r.period()));
    }

    private static SummaryPart quantitativeSummary(ReportYear year, Panel<Quantitative> panel) {
        String heading = "Quantitative themes in summary";
        if (!panel.available()) {
            return unavailable("1.1", heading, panel);
        }
        Quantitative q = panel.data();
        List<String> points = new ArrayList<>();
        if (q.withFigure() == 0) {
            points.add("No indicator has a figure for " + year.label() + " yet.");
        } else {
            points.add(q.withFigure() + " indicators have a figure for " + year.label() + ": "
                    + String.join(", ", q.ragCounts().stream().map(c -> c.indicators() + " " + c.rating().toLowerCase()).toList()) + ".");
        }
        for (IndicatorFigure f : q.offTarget()) {
            points.add(f.title() + " (" + f.period() + ") was " + f.value() + " against a target of " + f.target()
                    + " (" + f.rating().toLowerCase() + ")" + since(f) + comparedText(f) + ".");
        }
        for (IndicatorFigure f : q.worsening()) {
            points.add(f.title() + " (" + f.period() + ") is getting worse" + since(f) + comparedText(f) + ".");
        }
        return new SummaryPart("1.1", heading, true, null, points);
    }

    /** "; higher than England and similar authorities", or nothing without a comparison for the period. */
    private static String comparedText(IndicatorFigure f) {
        return f.compared() == null ? "" : "; " + Character.toLowerCase(f.compared().charAt(0)) + f.compared().substring(1);
    }

    private static String since(IndicatorFigure f) {
        if (ReportWording.NOT_AVAILABLE.equals(f.previous())) {
            return "";
        }
        return ", " + f.previous() + " to " + f.value() + " (" + f.change()
                + (ReportWording.NOT_AVAILABLE.equals(f.changePercent()) ? "" : ", " + f.changePercent()) + ")";
    }

    // --- 2.2 qualitative ----------------------------------------------------------------------------

    private static Panel<Qualitative> qualitative(ReportYear year, ReportSources in) {
        if (!in.audits().available() || !in.grades().available() || !in.qualitativeThemes().available()) {
            return Panel.unavailable(in.qualitativeThemes().service());
        }
        List<Audit> inYear = in.audits().data().stream().filter(a -> overlaps(year, a)).toList();
        Map<String, Long> byType = new LinkedHashMap<>();
        AUDIT_ORDER.forEach(t -> byType.put(t, 0L));
        inYear.forEach(a -> byType.merge(text(a.type()), 1L, Long::sum));
        List<SourceCount> sources = byType.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new SourceCount(ReportWording.auditType(e.getKey()), e.getValue())).toList();
        List<GradeScale> grades = in.grades().data().stream().map(LearningReportBuilder::grades).toList();
        return Panel.of(new Qualitative(inYear.size(), sources, grades, themes(in.qualitativeThemes().data())),
                in.qualitativeThemes().service());
    }

    private static boolean overlaps(ReportYear year, Audit audit) {
        LocalDate start = ReportWording.parseDate(audit.periodStart());
        LocalDate end = ReportWording.parseDate(audit.periodEnd());
        return start != null && end != null && !start.isAfter(year.to()) && !end.isBefore(year.from());
    }

    private static GradeScale grades(AcrossAuditsGrades g) {
        List<GradeCount> distribution = new ArrayList<>();
        if (g.distribution() != null) {
            g.distribution().forEach((grade, cases) -> distribution.add(new GradeCount(Words.of(grade), count(cases))));
        }
        Object percent = g.percentMeetingStandard();
        String meeting = percent == null ? ReportWording.NOT_AVAILABLE
                : ReportWording.decimal(percent).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " % "
                + Words.of(text(g.standard())).toLowerCase() + " or better";
        return new GradeScale(Words.of(g.gradingScale()), g.audits(), g.cases(), distribution, meeting);
    }

    static List<Theme> themes(List<ThemeAnalysis> rows) {
        return rows.stream().map(r -> new Theme(text(r.label()), r.findings(), r.sources(), r.repeated(), examples(r))).toList();
    }

    private static List<Example> examples(ThemeAnalysis theme) {
        List<Example> out = new ArrayList<>();
        for (ThemeAnalysis.Example e : examplesOf(theme)) {
            out.add(new Example(Words.of(text(e.kind())), text(e.text()), text(e.auditTitle())));
        }
        return out;
    }

    private static List<ThemeAnalysis.Example> examplesOf(ThemeAnalysis theme) {
        return theme.examples() == null ? List.of() : theme.examples();
    }

    private static SummaryPart qualitativeSummary(ReportYear year, Panel<Qualitative> panel) {
        String heading = "Qualitative themes in summary";
        if (!panel.available()) {
            return unavailable("1.2", heading, panel);
        }
        Qualitative q = panel.data();
        List<String> points = new ArrayList<>();
        points.add(q.audits() + (q.audits() == 1 ? " audit or review" : " audits and reviews") + " covered " + year.label()
                + (q.sources().isEmpty() ? "." : ": " + String.join(", ",
                q.sources().stream().map(s -> s.count() + " " + s.type().toLowerCase()).toList()) + "."));
        List<Theme> repeated = q.themes().stream().filter(Theme::repeated).limit(SUMMARY_THEMES).toList();
        if (repeated.isEmpty()) {
            points.add("No theme recurred across sources this year.");
        }
        repeated.forEach(t -> points.add(t.label() + " is a repeated theme: " + t.findings() + " findings from " + t.sources()
                + " sources."));
        q.grades().forEach(g -> points.add(g.scale() + " scale: " + g.cases() + " cases graded in " + g.audits() + " audits, "
                + g.meetingStandard() + "."));
        return new SummaryPart("1.2", heading, true, null, points);
    }

    private static SummaryPart viewsSummary(String number, String heading, ReportYear year, Panel<List<Theme>> panel, String whose) {
        if (!panel.available()) {
            return unavailable(number, heading, panel);
        }
        List<String> points = new ArrayList<>();
        if (panel.data().isEmpty()) {
            points.add("No views of " + whose + " were recorded for " + year.label() + ".");
        }
        panel.data().stream().limit(SUMMARY_THEMES).forEach(t -> points.add(t.label() + ": " + t.findings() + " findings from "
                + t.sources() + (t.sources() == 1 ? " source." : " sources.")));
        return new SummaryPart(number, heading, true, null, points);
    }

    // --- 3 impact, 4 actions ------------------------------------------------------------------------

    private Panel<List<Impact>> impact(ReportYear year, ReportSources in) {
        if (!in.actions().available() || !in.updates().available()) {
            return Panel.unavailable(in.updates().service());
        }
        Map<Long, Action> actions = new LinkedHashMap<>();
        in.actions().data().forEach(a -> actions.put(a.id(), a));
        Map<Long, ActionUpdate> completion = new LinkedHashMap<>();
        Map<Long, String> lastDifference = new LinkedHashMap<>();
        for (ActionUpdate u : in.updates().data()) {
            if (!year.contains(ReportWording.parseDate(u.updateDate()))) {
                continue;
            }
            long id = u.actionId();
            if (u.difference() != null && !u.difference().isBlank()) {
                lastDifference.put(id, u.difference());
            }
            String after = text(u.statusAfter());
            if ("COMPLETED".equals(after) || "CLOSED".equals(after)) {
                completion.remove(id);
                completion.put(id, u);
            }
        }
        List<Impact> out = new ArrayList<>();
        completion.forEach((id, u) -> {
            Action a = actions.get(id);
            String difference = u.difference() != null ? u.difference() : lastDifference.getOrDefault(id, "Not recorded");
            out.add(new Impact(a == null ? "Action " + id : text(a.ref()), a == null ? "" : text(a.action()), lead(a),
                    ReportWording.date(ReportWording.parseDate(u.updateDate())), difference));
        });
        return Panel.of(out, in.updates().service());
    }

    private List<OpenAction> openActions(List<Action> actions) {
        return actions.stream()
                .filter(a -> !"COMPLETED".equals(a.status()) && !"CLOSED".equals(a.status()))
                .sorted(Comparator.comparing((Action a) -> !"OVERDUE".equals(a.delivery()))
                        .thenComparing(a -> text(a.dueDate())).thenComparing(a -> text(a.ref())))
                .map(a -> new OpenAction(text(a.ref()), text(a.action()), lead(a),
                        ReportWording.date(ReportWording.parseDate(a.dueDate())), Words.delivery(a.delivery()).text(),
                        text(a.issue())))
                .toList();
    }

    private String lead(Action action) {
        if (action == null) {
            return "";
        }
        String role = text(action.leadRole());
        String agency = agency(action.leadAgency());
        return role.isEmpty() ? agency : role + ", " + agency;
    }

    /** The recommendations among the year's findings (each once), from every quadrant that answered. */
    private static Panel<List<Example>> recommendations(ReportSources in) {
        if (!in.qualitativeThemes().available()) {
            return Panel.unavailable(in.qualitativeThemes().service());
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Example> out = new ArrayList<>();
        for (Panel<List<ThemeAnalysis>> p : List.of(in.qualitativeThemes(), in.practitionerThemes(), in.familiesThemes())) {
            if (!p.available()) {
                continue;
            }
            for (ThemeAnalysis theme : p.data()) {
                for (ThemeAnalysis.Example e : examplesOf(theme)) {
                    if ("RECOMMENDATION".equals(e.kind()) && seen.add(String.valueOf(e.findingId()))) {
                        out.add(new Example("Recommendation", text(e.text()), text(e.auditTitle())));
                    }
                }
            }
        }
        return Panel.of(out, in.qualitativeThemes().service());
    }

    private static SummaryPart actionsSummary(ReportYear year, Panel<List<Impact>> impact, Panel<List<OpenAction>> open,
                                              Panel<List<Example>> recommendations) {
        String heading = "Recommended actions for " + year.nextLabel();
        List<String> points = new ArrayList<>();
        if (open.available()) {
            long overdue = open.data().stream().filter(a -> "Overdue".equals(a.delivery())).count();
            long atRisk = open.data().stream().filter(a -> "At risk".equals(a.delivery())).count();
            points.add(open.data().size() + " actions remain open into " + year.nextLabel() + ": " + overdue + " overdue, "
                    + atRisk + " at risk.");
        } else {
            points.add("Open actions are unavailable: " + open.service() + " did not answer.");
        }
        if (impact.available()) {
            points.add(impact.data().size() + " actions were completed in " + year.label() + " (see section 3).");
        }
        if (recommendations.available()) {
            points.add(recommendations.data().size() + " recommendations arose from the year's findings (see section 4).");
        } else {
            points.add("Recommendations from the year's findings are unavailable: " + recommendations.service() + " did not answer.");
        }
        return new SummaryPart("1.5", heading, true, null, points);
    }

    // --- shared -------------------------------------------------------------------------------------

    private static SummaryPart unavailable(String number, String heading, Panel<?> panel) {
        return new SummaryPart(number, heading, false, unavailableNote(panel.service()), List.of());
    }

    /** What a reader is told where a service did not answer. */
    public static String unavailableNote(String service) {
        return "The figures for this part are unavailable: " + service + " did not answer when this report was produced.";
    }

    private String agency(Object code) {
        String c = text(code);
        return agencyNames.getOrDefault(c, c);
    }

    private static List<Term> glossary() {
        return List.of(
                new Term("Quadrant", "The four kinds of evidence the board weighs: quantitative (performance data), qualitative "
                        + "(audits and reviews), practitioner views, and children's, young people's and families' views."),
                new Term("RAG rating", "Red, amber or green against the target for the period; amber is within the indicator's "
                        + "tolerance of the target. An indicator without a target has no rating."),
                new Term("Direction of travel", "Improving or worsening against the previous period of the same length, "
                        + "stable when the change is under 1 % of the previous figure."),
                new Term("Change %", "The change from the previous figure as a percentage of it, to one decimal place."),
                new Term("pts", "Percentage points: the change in an indicator that is itself a percentage."),
                new Term("Repeated theme", "A theme found in findings from two or more separate audits or reviews."),
                new Term("SMART action", "An action that is specific, measurable, achievable, realistic and time-bound, "
                        + "followed until it can say what difference it has made."),
                new Term("PAQA", "Performance, audit and quality assurance subgroup of the board."),
                new Term(ReportWording.NOT_AVAILABLE, "Not available: no figure was recorded."));
    }
}
