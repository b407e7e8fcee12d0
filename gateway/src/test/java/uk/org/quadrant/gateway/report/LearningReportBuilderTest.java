package uk.org.quadrant.gateway.report;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;
import uk.org.quadrant.gateway.report.LearningReport.IndicatorFigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building the report model from the services' rows: plain Java, no HTTP, no application context. */
class LearningReportBuilderTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final ReportYear YEAR = ReportYear.parse("2017April").orElseThrow();
    private static final Map<String, String> NAMES = Map.of("CSC", "Children's Social Care", "EDU", "Schools and Learning",
            "TVP", "Thames Valley Police", "EI", "Early Intervention");

    private static <T> Panel<List<T>> rows(String json, Class<T> type, String service) {
        try {
            return Panel.of(JSON.readValue(json, Argument.listOf(type)), service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportSources all() {
        return new ReportSources(rows(ReportStubData.SCORECARD, ScorecardRow.class, "indicators-service"),
                rows(ReportStubData.AUDITS, Audit.class, "audits-service"),
                rows(ReportStubData.GRADES, AcrossAuditsGrades.class, "audits-service"),
                rows(ReportStubData.QUALITATIVE_THEMES, ThemeAnalysis.class, "audits-service"),
                rows(ReportStubData.PRACTITIONER_THEMES, ThemeAnalysis.class, "audits-service"),
                rows(ReportStubData.FAMILIES_THEMES, ThemeAnalysis.class, "audits-service"),
                rows(ReportStubData.ACTIONS, Action.class, "actions-service"),
                rows(ReportStubData.UPDATES, ActionUpdate.class, "actions-service"));
    }

    private static LearningReport build(ReportSources sources) {
        return new LearningReportBuilder("Test Safeguarding Children Partnership", NAMES).build(YEAR, LocalDate.of(2018, 5, 1), sources);
    }

    @Test
    void theYearIsAFinancialYearShownAs201718WithItsBounds() {
        assertEquals("2017/18", YEAR.label());
        assertEquals("2018/19", YEAR.nextLabel());
        assertEquals(LocalDate.of(2017, 4, 1), YEAR.from());
        assertEquals(LocalDate.of(2018, 3, 31), YEAR.to());
        assertTrue(ReportYear.parse("2017").isEmpty());
        assertTrue(ReportYear.parse("2017Sep").isEmpty());
        assertTrue(ReportYear.parse("1917April").isEmpty());
        assertTrue(ReportYear.parse(null).isEmpty());
        // a period belongs to the year when it overlaps it
        assertTrue(YEAR.holds("2017April"));
        assertTrue(YEAR.holds("201803"));
        assertTrue(YEAR.holds("2017AprilQ4"));
        assertTrue(YEAR.holds("2016Sep"), "academic 2016/17 ends within 2017/18");
        assertTrue(YEAR.holds("2017"), "calendar 2017 is reported in 2017/18");
        assertFalse(YEAR.holds("2016April"));
        assertFalse(YEAR.holds("201703"));
        assertFalse(YEAR.holds("2018AprilQ1"));
        assertFalse(YEAR.holds("nonsense"));
    }

    /**
     * How the year's figures compare (issue 16): CP-PLANS has published figures for 2017/18, so the report says
     * how it compares; LAC's comparison is for another period and MASH-TIMELINESS has none, so they read as before.
     * A target taken from a benchmark says so.
     */
    @Test
    void theQuantitativeSectionSaysHowEachFigureComparesWhenThereIsAComparisonForItsPeriod() throws IOException {
        ReportSources a = all();
        BenchmarkSummary summary = JSON.readValue("""
                {"indicators":[{"indicator":"CP-PLANS","period":"2017April","value":40,"england":35,"neighboursMean":38},
                               {"indicator":"LAC","period":"2024April","value":51,"england":70,"neighboursMean":55}]}""", BenchmarkSummary.class);
        List<ScorecardRow> scorecard = a.scorecard().data().stream().map(r -> !"MASH-TIMELINESS".equals(r.code()) ? r
                : new ScorecardRow(r.code(), r.title(), r.unit(), r.polarity(), r.priority(), r.ownerAgency(), r.period(), r.periodLabel(),
                r.value(), null, r.rag(), r.direction(), r.previousValue(), r.change(), r.changePercent(), r.benchmarks(), r.status(),
                r.comment(), r.outlier(), r.trend(), "ENGLAND")).toList();
        LearningReport report = build(new ReportSources(Panel.of(scorecard, "indicators-service"), a.audits(), a.grades(),
                a.qualitativeThemes(), a.practitionerThemes(), a.familiesThemes(), a.actions(), a.updates(),
                Panel.of(summary, "indicators-service")));
        LearningReport.Quantitative q = report.quantitative().data();
        IndicatorFigure cp = q.offTarget().get(0);
        assertEquals("Higher than England and similar authorities", cp.compared());
        assertEquals("Children subject to a child protection plan. Higher than England and similar authorities", cp.titleAndComparison());
        assertEquals("At or better than England", q.offTarget().get(1).target(), "MASH's target comes from England");
        assertEquals(null, q.offTarget().get(1).compared());
        assertEquals(null, q.worsening().get(0).compared(), "LAC's comparison is for 2024/25, not this year");
        List<String> points = report.summary().get(0).points();
        assertTrue(points.contains("Children subject to a child protection plan (2017/18) was 730 against a target of 650 (red), "
                + "607 to 730 (+123, +20.3 %); higher than England and similar authorities."), points::toString);
        assertTrue(points.contains("Children looked after (2017/18) is getting worse, 667 to 691 (+24, +3.6 %)."), points::toString);
    }

    @Test
    void quantitativeThemesAreTheYearsOffTargetAndWorseningFiguresAsTheServiceComputedThem() {
        LearningReport report = build(all());
        LearningReport.Quantitative q = report.quantitative().data();
        assertEquals(5, q.withFigure());
        assertEquals(1, q.withoutFigure(), "the 2015/16 figure is not this year's");
        assertEquals("5 indicators have a figure for 2017/18; 1 has none yet.", q.coverage(YEAR));
        assertEquals(List.of("CP-PLANS", "MASH-TIMELINESS", "FATHERS-ATTENDING"), q.offTarget().stream().map(IndicatorFigure::code).toList(),
                "red first, then amber");
        IndicatorFigure cp = q.offTarget().get(0);
        assertEquals("730", cp.value());
        assertEquals("650", cp.target());
        assertEquals("607", cp.previous());
        assertEquals("+123", cp.change());
        assertEquals("+20.3 %", cp.changePercent());
        assertEquals("Red", cp.rating());
        assertEquals("Worsening", cp.direction());
        assertEquals("Children's Social Care", cp.agency());
        IndicatorFigure mash = q.offTarget().get(1);
        assertEquals("45 %", mash.value());
        assertEquals("75 %", mash.target());
        assertEquals("n/a", mash.previous());
        assertEquals("-0.2 pts", q.offTarget().get(2).change());
        assertEquals("-0.4 %", q.offTarget().get(2).changePercent());
        assertEquals(List.of("LAC"), q.worsening().stream().map(IndicatorFigure::code).toList(), "green but worsening");
        assertEquals("+3.6 %", q.worsening().get(0).changePercent());
        assertEquals(List.of(2L, 1L, 2L, 0L), q.ragCounts().stream().map(LearningReport.RagCount::indicators).toList());
        List<String> points = report.summary().get(0).points();
        assertTrue(points.contains("Children subject to a child protection plan (2017/18) was 730 against a target of 650 (red), "
                + "607 to 730 (+123, +20.3 %)."), points::toString);
        assertTrue(points.contains("Children looked after (2017/18) is getting worse, 667 to 691 (+24, +3.6 %)."), points::toString);
    }

    @Test
    void qualitativeViewsImpactAndActionsComeFromTheBulkLists() {
        LearningReport report = build(all());
        LearningReport.Qualitative q = report.qualitative().data();
        assertEquals(3, q.audits(), "audits overlapping the year; the 2015 review is not");
        assertEquals(List.of("Multi-agency case audits", "Single-agency audits", "Practitioner events and surveys"),
                q.sources().stream().map(LearningReport.SourceCount::type).toList());
        LearningReport.GradeScale ofsted = q.grades().get(0);
        assertEquals("Ofsted", ofsted.scale());
        assertEquals("75.0 % good or better", ofsted.meetingStandard());
        assertEquals("Requires improvement", ofsted.distribution().get(2).grade());
        assertEquals(3L, ofsted.distribution().get(2).cases());
        assertEquals("Neglect", q.themes().get(0).label());
        assertTrue(q.themes().get(0).repeated());
        assertEquals("Learning point", q.themes().get(0).examples().get(0).kind());
        assertEquals("Thresholds", report.practitionerViews().data().get(0).label());
        assertEquals("Telling my story over and over", report.childrenAndFamiliesViews().data().get(0).examples().get(0).text());

        assertEquals(1, report.impact().data().size());
        LearningReport.Impact done = report.impact().data().get(0);
        assertEquals("NA1", done.ref());
        assertEquals("1 February 2018", done.completedOn());
        assertEquals("Neglect named earlier in 8 of 10 audited cases", done.difference());
        assertEquals("Principal Social Worker, Children's Social Care", done.lead());

        assertEquals(List.of("NA2", "DA1"), report.openActions().data().stream().map(LearningReport.OpenAction::ref).toList(),
                "open actions only, overdue first");
        assertEquals("Overdue", report.openActions().data().get(0).delivery());
        assertEquals(1, report.recommendations().data().size(), "the same recommendation found under two themes is listed once");
        assertEquals(List.of("2 actions remain open into 2018/19: 1 overdue, 0 at risk.", "1 actions were completed in 2017/18 (see section 3).",
                "1 recommendations arose from the year's findings (see section 4)."), report.summary().get(4).points());
        assertEquals("Recommended actions for 2018/19", report.summary().get(4).heading());
        assertEquals("Themes for learning and improvement 2017/18", report.title());
    }

    @Test
    void aServiceThatDidNotAnswerLeavesItsPartsUnavailableAndTheRestWhole() {
        ReportSources a = all();
        ReportSources noAudits = new ReportSources(a.scorecard(), Panel.unavailable("audits-service"), Panel.unavailable("audits-service"),
                Panel.unavailable("audits-service"), Panel.unavailable("audits-service"), Panel.unavailable("audits-service"),
                a.actions(), a.updates());
        LearningReport report = build(noAudits);
        assertFalse(report.qualitative().available());
        assertFalse(report.practitionerViews().available());
        assertFalse(report.childrenAndFamiliesViews().available());
        assertFalse(report.recommendations().available());
        assertFalse(report.summary().get(1).available());
        assertEquals("The figures for this part are unavailable: audits-service did not answer when this report was produced.",
                report.summary().get(1).unavailableNote());
        assertTrue(report.quantitative().available());
        assertTrue(report.impact().available());

        ReportSources noIndicators = new ReportSources(Panel.unavailable("indicators-service"), a.audits(), a.grades(),
                a.qualitativeThemes(), a.practitionerThemes(), a.familiesThemes(), a.actions(), a.updates());
        LearningReport without = build(noIndicators);
        assertFalse(without.quantitative().available());
        assertFalse(without.summary().get(0).available());
        assertTrue(without.qualitative().available());
    }

    @Test
    void theContentsFollowTheBoardsReport() {
        assertEquals(List.of("Headline movements", "1. Executive summary: themes for learning and improvement and recommendations",
                        "2. Themes and findings from case reviews, audits, complaints and engagement with young people",
                        "2.1 Quantitative", "2.2 Qualitative", "2.3 Views of practitioners", "2.4 Views of young people, parents and carers",
                        "3. Impact of work", "4. Actions", "5. Glossary"),
                LearningReport.CONTENTS.stream().map(LearningReport.Heading::full).toList());
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "1.5"), build(all()).summary().stream().map(LearningReport.SummaryPart::number).toList());
    }

    @Test
    void headlineMovementsAreTheFiguresThatMovedMostOverTwoYearsAndOverTheYearWhateverTheirPolarity() {
        LearningReport.Headlines h = build(all()).headlines().data();
        assertEquals("2015/16 to 2017/18", h.twoYears());
        assertEquals("2016/17 to 2017/18", h.oneYear());
        assertEquals(List.of("The number of children subject to a child protection plan rose from 569 in 2015/16 to 730 in 2017/18: "
                + "a rise of 28.3 % over two years (607 in 2016/17)."), h.overTwoYears().stream().map(LearningReport.Movement::sentence).toList());
        // early help is on target and improving, so not a theme for improvement, but it is the year's biggest movement
        assertEquals(List.of(
                "The number of early help assessments completed rose from 458 in 2016/17 to 1,255 in 2017/18: a rise of 174 % over the year.",
                "The percentage of fathers attending child protection conferences rose from 46 % in Q4 2016/17 to 50 % in Q4 2017/18: "
                        + "up 4 percentage points over the year.",
                "The number of children looked after rose from 667 in 2016/17 to 691 in 2017/18: a rise of 3.6 % over the year."),
                h.overTheYear().stream().map(LearningReport.Movement::sentence).toList(), "biggest first; CP-PLANS only once");
        LearningReport.Movement cp = h.overTwoYears().get(0);
        assertEquals("569 in 2015/16", cp.from());
        assertEquals("730 in 2017/18", cp.to());
        assertEquals("+161 (+28.3 %)", cp.change());
        assertEquals(List.of("2015/16", "2016/17", "2017/18"), cp.points().stream().map(LearningReport.Point::period).toList());
        assertEquals("+4 pts", h.overTheYear().get(1).change(), "a percentage moves in points");
        assertEquals(null, cp.compared(), "no comparison without benchmarks");
    }

    @Test
    void aHeadlineMovementSaysHowTheFigureComparesWithEnglandAndSimilarAuthorities() throws IOException {
        ReportSources a = all();
        BenchmarkSummary summary = JSON.readValue("""
                {"indicators":[{"indicator":"CP-PLANS","period":"2017April","value":40,"england":35,"neighboursMean":38}]}""",
                BenchmarkSummary.class);
        LearningReport report = build(new ReportSources(a.scorecard(), a.audits(), a.grades(), a.qualitativeThemes(),
                a.practitionerThemes(), a.familiesThemes(), a.actions(), a.updates(), Panel.of(summary, "indicators-service")));
        LearningReport.Movement cp = report.headlines().data().overTwoYears().get(0);
        assertTrue(cp.sentence().endsWith("(607 in 2016/17). Higher than England and similar authorities in 2017/18."), cp.sentence());
        assertEquals("Higher than England and similar authorities in 2017/18", cp.compared());
    }

    @Test
    void atMostFiveMovementsInEachListAndAFigureThatBarelyMovedIsNotOne() {
        List<ScorecardRow> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(row("UP-" + i, "Measure " + i, 100, 100 + i * 10));
        }
        rows.add(row("FLAT", "Hardly moved", 1000, 1005));
        rows.add(row("DOWN", "Referrals", 100, 20));
        ReportSources a = all();
        LearningReport.Headlines h = build(new ReportSources(Panel.of(rows, "indicators-service"), a.audits(), a.grades(),
                a.qualitativeThemes(), a.practitionerThemes(), a.familiesThemes(), a.actions(), a.updates())).headlines().data();
        assertTrue(h.overTwoYears().isEmpty());
        assertEquals(List.of("DOWN", "UP-7", "UP-6", "UP-5", "UP-4"), h.overTheYear().stream().map(LearningReport.Movement::code).toList());
        assertEquals("The number of referrals fell from 100 in 2016/17 to 20 in 2017/18: a fall of 80 % over the year.",
                h.overTheYear().get(0).sentence());
        LearningReport unavailable = build(new ReportSources(Panel.unavailable("indicators-service"), a.audits(), a.grades(),
                a.qualitativeThemes(), a.practitionerThemes(), a.familiesThemes(), a.actions(), a.updates()));
        assertFalse(unavailable.headlines().available());
    }

    private static ScorecardRow row(String code, String title, int before, int now) {
        return new ScorecardRow(code, title, "COUNT", "NEUTRAL", 1, "CSC", "2017April", "2017/18", java.math.BigDecimal.valueOf(now), null,
                "DATA_ONLY", "UP", java.math.BigDecimal.valueOf(before), null, null, Map.of(), "APPROVED", null, false,
                List.of(new ScorecardRow.TrendPoint("2016April", java.math.BigDecimal.valueOf(before)),
                        new ScorecardRow.TrendPoint("2017April", java.math.BigDecimal.valueOf(now))), null);
    }
}
