package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * Theme → sources → findings ({@code GET /api/v1/themes/evidence}): grouped as the analysis counts,
 * with its filters, and only over the audits the caller may see.
 *
 * <p>Fixture (reporting years 2060–2061), set up once:
 * <pre>
 * A  MACA, lead CSC with TVP, 2060-01-01..03-31       a1 NEGLECT (CSC), a2 NEGLECT + HOUSING (TVP)
 * B  practitioner event, lead TVP, 2060-06-01..06-30  b1 NEGLECT (PRACTITIONER)
 * C  CSC's own single-agency audit, 2061-01-01..03-31 c1 NEGLECT + FATHERS (secret to CSC and the board)
 * </pre>
 */
@MicronautTest
class ThemeEvidenceApiTest extends ApiTestBase {

    private static final String EVIDENCE = "/api/v1/themes/evidence";
    private static final String YEARS = "?from=2060-01-01&to=2061-12-31";
    private static final String SECRET = "c1 CSC-only fathers finding";

    private boolean seeded;
    private long a;
    private long b;
    private long c;

    private void fixture() {
        if (seeded) {
            return;
        }
        a = multiAgencyAudit("A: MACA 2060", "CSC", List.of("TVP"), "2060-01-01", "2060-03-31");
        api().post(cscUser(), findings(a), findingBody("LEARNING_POINT", "a1 neglect seen late", List.of("NEGLECT"), null, "CSC")).expect(201);
        api().post(tvpUser(), findings(a), findingBody("CONCERN", "a2 neglect and housing", List.of("NEGLECT", "HOUSING"), null, "TVP"))
                .expect(201);
        b = createAudit(tvpUser(), auditBody("PRACTITIONER_EVENT_OR_SURVEY", "B: practitioner event 2060", "TVP", List.of(),
                "2060-06-01", "2060-06-30"));
        recordFinding(tvpUser(), b, "VIEW", "b1 practitioners on neglect", List.of("NEGLECT")).expect(201);
        c = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "C: CSC only 2061", "CSC", List.of(), "2061-01-01", "2061-03-31"));
        recordFinding(cscUser(), c, "CONCERN", SECRET, List.of("NEGLECT", "FATHERS")).expect(201);
        seeded = true;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(Map<String, Object> theme) {
        return (List<Map<String, Object>>) theme.get("bySource");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> texts(Map<String, Object> source) {
        return ((List<Map<String, Object>>) source.get("findings")).stream().map(f -> f.get("text")).toList();
    }

    private static int n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).intValue();
    }

    @Test
    void theBoardSeesEachThemesSourcesAndTheirFindingsRankedLikeTheAnalysis() {
        fixture();
        List<Map<String, Object>> rows = api().get(chair(), EVIDENCE + YEARS).expect(200).list();
        assertEquals(List.of("NEGLECT", "FATHERS", "HOUSING"), rows.stream().map(r -> r.get("theme")).toList(),
                "most sources first, then most findings, then code: " + rows);
        Map<String, Object> neglect = find(rows, "theme", "NEGLECT");
        assertEquals("Neglect", neglect.get("label"));
        assertEquals(4, n(neglect, "findings"));
        assertEquals(3, n(neglect, "sources"));
        List<Map<String, Object>> bySource = sources(neglect);
        assertEquals(List.of(a, b, c), bySource.stream().map(s -> ((Number) s.get("auditId")).longValue()).toList(),
                "sources in reporting order");
        assertEquals("A: MACA 2060", bySource.get(0).get("title"));
        assertEquals("MULTI_AGENCY_CASE_AUDIT", bySource.get(0).get("type"));
        assertEquals("CSC", bySource.get(0).get("leadAgency"));
        assertEquals("2060-01-01", bySource.get(0).get("periodStart"));
        assertEquals(List.of("a1 neglect seen late", "a2 neglect and housing"), texts(bySource.get(0)));
        assertEquals(List.of("b1 practitioners on neglect"), texts(bySource.get(1)));
        assertEquals(List.of(SECRET), texts(bySource.get(2)));
        Map<String, Object> housing = find(rows, "theme", "HOUSING");
        assertEquals(List.of("a2 neglect and housing"), texts(sources(housing).get(0)), "a finding appears under each of its themes");

        // the same counts as the analysis
        Map<String, Object> analysed = find(api().get(chair(), ANALYSIS + YEARS).expect(200).list(), "theme", "NEGLECT");
        assertEquals(analysed.get("sources"), neglect.get("sources"));
        assertEquals(analysed.get("findings"), neglect.get("findings"));
    }

    @Test
    void filtersByThemeQuadrantAgencyAndDates() {
        fixture();
        List<Map<String, Object>> one = api().get(manager(), EVIDENCE + YEARS + "&theme=HOUSING").expect(200).list();
        assertEquals(1, one.size(), one.toString());
        assertEquals("HOUSING", one.get(0).get("theme"));

        List<Map<String, Object>> practitioner = api().get(manager(), EVIDENCE + YEARS + "&quadrant=PRACTITIONER").expect(200).list();
        assertEquals(1, practitioner.size(), practitioner.toString());
        assertEquals(List.of("b1 practitioners on neglect"), texts(sources(practitioner.get(0)).get(0)));

        List<Map<String, Object>> tvp = api().get(manager(), EVIDENCE + YEARS + "&agency=TVP&theme=NEGLECT").expect(200).list();
        assertEquals(2, n(tvp.get(0), "findings"), "a2 (TVP's) and b1 (TVP-led event): " + tvp);

        List<Map<String, Object>> only2061 = api().get(manager(), EVIDENCE + "?from=2061-01-01&to=2061-12-31&theme=NEGLECT")
                .expect(200).list();
        assertEquals(1, n(only2061.get(0), "sources"), only2061.toString());
    }

    @Test
    void badFiltersAreNamed() {
        api().get(manager(), EVIDENCE + "?theme=NOT_A_THEME").expectFieldError("theme");
        api().get(manager(), EVIDENCE + "?agency=NOPE").expectFieldError("agency");
        api().get(manager(), EVIDENCE + "?from=2061-01-01&to=2060-01-01").expectFieldError("to");
        api().get(manager(), EVIDENCE + "?quadrant=SIDEWAYS").expect(400);
        api().get(null, EVIDENCE).expect(401);
    }

    @Test
    void anAgencySeesOnlyTheSourcesItMaySee() {
        fixture();
        for (String token : List.of(tvpUser(), tvpLead())) {
            Api.Res res = api().get(token, EVIDENCE + YEARS).expect(200);
            assertFalse(res.body.contains(SECRET), "no finding of CSC's own audit: " + res.body);
            assertFalse(res.body.contains("C: CSC only 2061"), "no title of CSC's own audit: " + res.body);
            assertFalse(res.body.contains("FATHERS"), "a theme only CSC's own audit raised is not listed: " + res.body);
            assertEquals(2, n(find(res.list(), "theme", "NEGLECT"), "sources"), "the MACA and TVP's event");
            // not by filtering for CSC, nor for the theme, nor without dates
            assertFalse(api().get(token, EVIDENCE + YEARS + "&agency=CSC").expect(200).body.contains(SECRET));
            assertEquals(List.of(), api().get(token, EVIDENCE + YEARS + "&theme=FATHERS").expect(200).list());
            assertFalse(api().get(token, EVIDENCE).expect(200).body.contains(SECRET));
        }
        // OH takes part in nothing here
        assertFalse(api().get(ohUser(), EVIDENCE + YEARS).expect(200).body.contains("neglect"));
        // CSC sees its own and the MACA, not TVP's event
        Map<String, Object> csc = find(api().get(cscUser(), EVIDENCE + YEARS).expect(200).list(), "theme", "NEGLECT");
        assertEquals(List.of(a, c), sources(csc).stream().map(s -> ((Number) s.get("auditId")).longValue()).toList());
    }
}
