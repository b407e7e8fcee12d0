package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;

import java.util.List;

/**
 * What the three services answered for one report, each call its own panel (a service that did not
 * answer leaves its panels unavailable). Kept apart from the calls so that building the report is
 * plain Java over data.
 *
 * @param scorecard          indicators-service {@code /api/v1/scorecard?period=<year>}
 * @param audits             audits-service {@code /api/v1/audits}
 * @param grades             audits-service {@code /api/v1/grades?from=&to=}
 * @param qualitativeThemes  audits-service {@code /api/v1/themes/analysis?from=&to=&quadrant=QUALITATIVE}
 * @param practitionerThemes the same for {@code PRACTITIONER}
 * @param familiesThemes     the same for {@code CHILDREN_AND_FAMILIES}
 * @param actions            actions-service {@code /api/v1/actions}
 * @param updates            actions-service {@code /api/v1/updates?from=&to=}
 * @param comparisons        indicators-service {@code /api/v1/benchmarks?period=<year>}: how each figure compares
 */
public record ReportSources(
        Panel<List<ScorecardRow>> scorecard,
        Panel<List<Audit>> audits,
        Panel<List<AcrossAuditsGrades>> grades,
        Panel<List<ThemeAnalysis>> qualitativeThemes,
        Panel<List<ThemeAnalysis>> practitionerThemes,
        Panel<List<ThemeAnalysis>> familiesThemes,
        Panel<List<Action>> actions,
        Panel<List<ActionUpdate>> updates,
        Panel<BenchmarkSummary> comparisons) {

    /** Sources without comparisons: the report reads as it did before any figure was compared. */
    public ReportSources(Panel<List<ScorecardRow>> scorecard, Panel<List<Audit>> audits, Panel<List<AcrossAuditsGrades>> grades,
                         Panel<List<ThemeAnalysis>> qualitativeThemes, Panel<List<ThemeAnalysis>> practitionerThemes,
                         Panel<List<ThemeAnalysis>> familiesThemes, Panel<List<Action>> actions, Panel<List<ActionUpdate>> updates) {
        this(scorecard, audits, grades, qualitativeThemes, practitionerThemes, familiesThemes, actions, updates,
                Panel.of(new BenchmarkSummary(null, List.of()), "indicators-service"));
    }
}
