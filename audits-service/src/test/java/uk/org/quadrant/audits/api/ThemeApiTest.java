package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.contains;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * The theme vocabulary (the manager extends it; a new theme can be used at once) and the theme
 * analysis with its filters.
 *
 * <p>Analysis fixture (reporting years 2040–2041), set up once:
 * <pre>
 * A  MACA, lead CSC with TVP, 2040-01-01..2040-03-31   a1 NEGLECT (agency CSC)
 *                                                      a2 NEGLECT, HOUSING (agency TVP)
 * B  practitioner event, lead TVP, 2040-06-01..06-30   b1 NEGLECT (no agency: TVP; quadrant PRACTITIONER by default)
 *                                                      b2 HOUSING (quadrant CHILDREN_AND_FAMILIES)
 * C  serious case review, lead OH, 2041-01-01..12-31   c1 NEGLECT (no agency: OH)
 * </pre>
 */
@MicronautTest
class ThemeApiTest extends ApiTestBase {

    private static final String YEARS = "?from=2040-01-01&to=2041-12-31";

    private boolean seeded;

    private void fixture() {
        if (seeded) {
            return;
        }
        long a = multiAgencyAudit("A: MACA 2040", "CSC", List.of("TVP"), "2040-01-01", "2040-03-31");
        api().post(cscUser(), findings(a), findingBody("LEARNING_POINT", "a1", List.of("NEGLECT"), null, "CSC")).expect(201);
        api().post(tvpUser(), findings(a), findingBody("CONCERN", "a2", List.of("NEGLECT", "HOUSING"), null, "TVP")).expect(201);
        long b = createAudit(tvpUser(), auditBody("PRACTITIONER_EVENT_OR_SURVEY", "B: practitioner event 2040", "TVP", List.of(),
                "2040-06-01", "2040-06-30"));
        Map<String, Object> b1 = recordFinding(tvpUser(), b, "VIEW", "b1", List.of("NEGLECT")).expect(201).map();
        assertEquals("PRACTITIONER", b1.get("quadrant"), "a practitioner event's findings are practitioner views by default");
        api().post(tvpUser(), findings(b), findingBody("VIEW", "b2", List.of("HOUSING"), "CHILDREN_AND_FAMILIES", null)).expect(201);
        long c = createAudit(manager(), auditBody("SERIOUS_CASE_REVIEW", "C: SCR 2041", "OH", List.of(), "2041-01-01", "2041-12-31"));
        recordFinding(manager(), c, "RECOMMENDATION", "c1", List.of("NEGLECT")).expect(201);
        seeded = true;
    }

    private List<Map<String, Object>> analysis(String query) {
        return api().get(chair(), ANALYSIS + query).expect(200).list();
    }

    private static int n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).intValue();
    }

    private static List<Object> themes(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("theme")).toList();
    }

    // ---- the vocabulary ---------------------------------------------------------------------------

    @Test
    void theVocabularyHoldsTheDesignThemes() {
        List<Map<String, Object>> all = api().get(cscUser(), THEMES).expect(200).list();
        for (String code : List.of("NEGLECT", "DOMESTIC_ABUSE", "PARENTAL_MENTAL_HEALTH", "SUBSTANCE_MISUSE", "EXPLOITATION",
                "VULNERABLE_ADOLESCENTS", "THINK_FAMILY", "FATHERS", "VOICE_OF_THE_CHILD", "CHRONOLOGIES", "THRESHOLDS",
                "INFORMATION_SHARING", "SCHOOL_ATTENDANCE", "ELECTIVE_HOME_EDUCATION", "DISABILITY", "WAS_NOT_BROUGHT", "HOUSING",
                "TRANSITIONS", "ONLINE_ABUSE", "PHYSICAL_ABUSE", "PROFESSIONAL_CURIOSITY", "SELF_HARM")) {
            assertTrue(contains(all, "code", code), code + " in " + all);
        }
        assertEquals("Neglect", find(all, "code", "NEGLECT").get("label"));
    }

    @Test
    void theManagerAddsAThemeThatCanBeUsedAtOnce() {
        Api api = api();
        long id = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "Young carers audit", "CSC", List.of(), "2045-01-01", "2045-03-31"));
        recordFinding(cscUser(), id, "CONCERN", "Young carers unseen", List.of("YOUNG_CARERS")).expectFieldError("themes[0]");

        Map<String, Object> added = api.post(manager(), THEMES, body("code", "YOUNG_CARERS", "label", "Young carers")).expect(201).map();
        assertEquals("YOUNG_CARERS", added.get("code"));
        assertEquals("Young carers", added.get("label"));
        assertTrue(contains(api.get(tvpUser(), THEMES).expect(200).list(), "code", "YOUNG_CARERS"));

        Map<String, Object> f = recordFinding(cscUser(), id, "CONCERN", "Young carers unseen", List.of("YOUNG_CARERS", "THINK_FAMILY"))
                .expect(201).map();
        assertEquals(List.of("YOUNG_CARERS", "THINK_FAMILY"), f.get("themes"));
        Map<String, Object> row = find(api.get(chair(), ANALYSIS + "?from=2045-01-01&to=2045-12-31").expect(200).list(), "theme", "YOUNG_CARERS");
        assertEquals("Young carers", row.get("label"));
        assertEquals(1, n(row, "findings"));

        // the same code twice is a conflict; a malformed one is refused; neither writes
        String before = snapshot(id);
        api.post(manager(), THEMES, body("code", "YOUNG_CARERS", "label", "Again")).expect(409);
        api.post(manager(), THEMES, body("code", "NEGLECT", "label", "Neglect again")).expect(409);
        api.post(manager(), THEMES, body("code", "young carers", "label", "x")).expectFieldError("code");
        api.post(manager(), THEMES, body("code", "NEW_THEME")).expectFieldError("label");
        api.post(manager(), THEMES, body("label", "No code")).expectFieldError("code");
        // contributors and the chair do not extend the vocabulary
        api.post(cscLead(), THEMES, body("code", "LEAD_THEME", "label", "x")).expect(403);
        api.post(chair(), THEMES, body("code", "CHAIR_THEME", "label", "x")).expect(403);
        assertEquals(before, snapshot(id));
    }

    // ---- the analysis ------------------------------------------------------------------------------

    @Test
    void acrossBothYearsNeglectIsRepeatedInThreeSources() {
        fixture();
        List<Map<String, Object>> rows = analysis(YEARS);
        assertEquals(List.of("NEGLECT", "HOUSING"), themes(rows), rows.toString());
        Map<String, Object> neglect = rows.get(0);
        assertEquals(4, n(neglect, "findings"));
        assertEquals(3, n(neglect, "sources"));
        assertEquals(Boolean.TRUE, neglect.get("repeated"));
        assertEquals(Set.of("MULTI_AGENCY_CASE_AUDIT", "PRACTITIONER_EVENT_OR_SURVEY", "SERIOUS_CASE_REVIEW"),
                Set.copyOf((List<?>) neglect.get("sourceTypes")));
        assertEquals(Set.of("QUALITATIVE", "PRACTITIONER"), Set.copyOf((List<?>) neglect.get("quadrants")));
        Map<String, Object> housing = rows.get(1);
        assertEquals(2, n(housing, "findings"));
        assertEquals(2, n(housing, "sources"));
        assertEquals(Boolean.TRUE, housing.get("repeated"));
        assertEquals(Set.of("QUALITATIVE", "CHILDREN_AND_FAMILIES"), Set.copyOf((List<?>) housing.get("quadrants")));
        // the examples come from different sources
        List<?> examples = (List<?>) neglect.get("examples");
        assertEquals(3, examples.size(), neglect.toString());
        assertEquals(3, examples.stream().map(e -> ((Map<?, ?>) e).get("auditId")).distinct().count(), neglect.toString());
    }

    @Test
    void minSourcesSetsTheRepeatedRule() {
        fixture();
        List<Map<String, Object>> rows = analysis(YEARS + "&minSources=3");
        assertEquals(Boolean.TRUE, find(rows, "theme", "NEGLECT").get("repeated"));
        assertEquals(Boolean.FALSE, find(rows, "theme", "HOUSING").get("repeated"));
        rows = analysis(YEARS + "&minSources=4");
        assertTrue(rows.stream().noneMatch(r -> Boolean.TRUE.equals(r.get("repeated"))), rows.toString());
        rows = analysis(YEARS + "&minSources=1");
        assertTrue(rows.stream().allMatch(r -> Boolean.TRUE.equals(r.get("repeated"))), rows.toString());
        // the default is 2
        assertEquals(analysis(YEARS + "&minSources=2"), analysis(YEARS));
        api().get(chair(), ANALYSIS + YEARS + "&minSources=0").expectFieldError("minSources");
        api().get(chair(), ANALYSIS + YEARS + "&minSources=lots").expectFieldError("minSources");
    }

    @Test
    void fromAndToSelectAuditsWhosePeriodOverlaps() {
        fixture();
        List<Map<String, Object>> y2040 = analysis("?from=2040-01-01&to=2040-12-31");
        Map<String, Object> neglect = find(y2040, "theme", "NEGLECT");
        assertEquals(3, n(neglect, "findings"));
        assertEquals(2, n(neglect, "sources"));
        assertFalse(((List<?>) neglect.get("sourceTypes")).contains("SERIOUS_CASE_REVIEW"));

        List<Map<String, Object>> y2041 = analysis("?from=2041-01-01&to=2041-12-31");
        assertEquals(List.of("NEGLECT"), themes(y2041));
        assertEquals(1, n(y2041.get(0), "sources"));
        assertEquals(Boolean.FALSE, y2041.get(0).get("repeated"));

        // boundaries are inclusive: the last day of A's period, and the first day of B's
        List<Map<String, Object>> lastDayOfA = analysis("?from=2040-03-31&to=2040-03-31");
        assertEquals(2, n(find(lastDayOfA, "theme", "NEGLECT"), "findings"));
        assertEquals(1, n(find(lastDayOfA, "theme", "NEGLECT"), "sources"));
        List<Map<String, Object>> firstDayOfB = analysis("?from=2040-04-01&to=2040-06-01");
        assertEquals(Set.of("PRACTITIONER_EVENT_OR_SURVEY"), Set.copyOf((List<?>) find(firstDayOfB, "theme", "NEGLECT").get("sourceTypes")));
        // a gap between the audits: nothing
        assertEquals(List.of(), analysis("?from=2040-04-01&to=2040-05-31"));
        // from alone and to alone
        assertEquals(1, n(find(analysis("?from=2041-01-01&to=2041-12-31"), "theme", "NEGLECT"), "sources"));
        assertTrue(n(find(analysis("?from=2040-06-15"), "theme", "NEGLECT"), "sources") >= 2);
        assertEquals(1, n(find(analysis("?from=2039-01-01&to=2040-02-01"), "theme", "NEGLECT"), "sources"));
    }

    @Test
    void toBeforeFromIsRefused() {
        fixture();
        api().get(chair(), ANALYSIS + "?from=2041-01-01&to=2040-12-31").expectFieldError("to");
        api().get(chair(), ANALYSIS + "?from=2040-13-01").expectFieldError("from");
        api().get(chair(), ANALYSIS + "?to=yesterday").expectFieldError("to");
        // the same day is a valid range
        api().get(chair(), ANALYSIS + "?from=2040-02-01&to=2040-02-01").expect(200);
    }

    @Test
    void quadrantSelectsFindingsOfThatQuadrant() {
        fixture();
        List<Map<String, Object>> practitioner = analysis(YEARS + "&quadrant=PRACTITIONER");
        assertEquals(List.of("NEGLECT"), themes(practitioner));
        assertEquals(1, n(practitioner.get(0), "findings"));
        assertEquals(List.of("PRACTITIONER"), practitioner.get(0).get("quadrants"));
        assertEquals(Boolean.FALSE, practitioner.get(0).get("repeated"));

        List<Map<String, Object>> families = analysis(YEARS + "&quadrant=CHILDREN_AND_FAMILIES");
        assertEquals(List.of("HOUSING"), themes(families));
        assertEquals(List.of("CHILDREN_AND_FAMILIES"), families.get(0).get("quadrants"));

        List<Map<String, Object>> qualitative = analysis(YEARS + "&quadrant=QUALITATIVE");
        assertEquals(3, n(find(qualitative, "theme", "NEGLECT"), "findings"));
        assertEquals(2, n(find(qualitative, "theme", "NEGLECT"), "sources"));
        assertEquals(List.of(), analysis(YEARS + "&quadrant=QUANTITATIVE"));
        api().get(chair(), ANALYSIS + YEARS + "&quadrant=SIDEWAYS").expectFieldError("quadrant");
    }

    @Test
    void agencySelectsFindingsConcerningThatAgency() {
        fixture();
        // TVP: a2 (agency TVP) and b1, b2 (TVP's own event, no agency given)
        List<Map<String, Object>> tvp = analysis(YEARS + "&agency=TVP");
        Map<String, Object> neglect = find(tvp, "theme", "NEGLECT");
        assertEquals(2, n(neglect, "findings"));
        assertEquals(2, n(neglect, "sources"));
        assertEquals(Boolean.TRUE, neglect.get("repeated"));
        Map<String, Object> housing = find(tvp, "theme", "HOUSING");
        assertEquals(2, n(housing, "findings"));

        List<Map<String, Object>> csc = analysis(YEARS + "&agency=CSC");
        assertEquals(List.of("NEGLECT"), themes(csc));
        assertEquals(1, n(csc.get(0), "findings"));

        List<Map<String, Object>> oh = analysis(YEARS + "&agency=OH");
        assertEquals(List.of("NEGLECT"), themes(oh));
        assertEquals(Set.of("SERIOUS_CASE_REVIEW"), Set.copyOf((List<?>) oh.get(0).get("sourceTypes")));

        assertEquals(List.of(), analysis(YEARS + "&agency=EDU"));
        api().get(chair(), ANALYSIS + YEARS + "&agency=MET").expectFieldError("agency");
    }

    @Test
    void filtersCombine() {
        fixture();
        List<Map<String, Object>> rows = analysis("?from=2040-01-01&to=2040-12-31&quadrant=QUALITATIVE&agency=TVP");
        // a2 alone: a tie on sources and findings, so alphabetical
        assertEquals(List.of("HOUSING", "NEGLECT"), themes(rows));
        assertTrue(rows.stream().allMatch(r -> n(r, "findings") == 1 && n(r, "sources") == 1), rows.toString());
    }

    @Test
    void everyRowCarriesTheContractFields() {
        fixture();
        for (Map<String, Object> row : analysis(YEARS)) {
            for (String key : List.of("theme", "findings", "sources", "sourceTypes", "quadrants", "repeated")) {
                assertTrue(row.containsKey(key), key + " in " + row);
            }
        }
    }
}
