package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.downstream.Panel;

import java.util.List;
import java.util.Map;

/**
 * What the three services answered for one report, as JSON rows, each call its own panel (a service
 * that did not answer leaves its panels unavailable). Kept apart from the calls so that building the
 * report is plain Java over data.
 *
 * @param scorecard          indicators-service {@code /api/v1/scorecard?period=<year>}
 * @param audits             audits-service {@code /api/v1/audits}
 * @param grades             audits-service {@code /api/v1/grades?from=&to=}
 * @param qualitativeThemes  audits-service {@code /api/v1/themes/analysis?from=&to=&quadrant=QUALITATIVE}
 * @param practitionerThemes the same for {@code PRACTITIONER}
 * @param familiesThemes     the same for {@code CHILDREN_AND_FAMILIES}
 * @param actions            actions-service {@code /api/v1/actions}
 * @param updates            actions-service {@code /api/v1/updates?from=&to=}
 */
public record ReportSources(
        Panel<List<Map<String, Object>>> scorecard,
        Panel<List<Map<String, Object>>> audits,
        Panel<List<Map<String, Object>>> grades,
        Panel<List<Map<String, Object>>> qualitativeThemes,
        Panel<List<Map<String, Object>>> practitionerThemes,
        Panel<List<Map<String, Object>>> familiesThemes,
        Panel<List<Map<String, Object>>> actions,
        Panel<List<Map<String, Object>>> updates) {
}
