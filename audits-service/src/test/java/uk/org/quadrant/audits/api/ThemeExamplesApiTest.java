package uk.org.quadrant.audits.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.domain.ThemeAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The theme analysis reads the findings without their text and fetches only the examples' text by
 * id afterwards. Its answer must be what the analysis over every finding <em>with</em> its text gave
 * before: here the expected rows are computed from the findings as the API lists them (text
 * included) with {@link ThemeAnalysis}, and compared field by field, example texts included — a
 * missing text, or another finding's, fails. Texts are distinct, some long (past H2's in-row LOB
 * size) and non-ASCII.
 */
@MicronautTest
class ThemeExamplesApiTest extends ApiTestBase {

    private static final String YEAR = "?from=2072-01-01&to=2072-12-31";

    private final List<Long> auditIds = new ArrayList<>();

    @BeforeAll
    void fixture() {
        auditIds.add(multiAgencyAudit("Ex A: MACA", "CSC", List.of("TVP"), "2072-01-01", "2072-03-31"));
        auditIds.add(createAudit(tvpUser(), auditBody("PRACTITIONER_EVENT_OR_SURVEY", "Ex B: practitioners", "TVP", List.of(),
                "2072-02-01", "2072-02-28")));
        auditIds.add(createAudit(manager(), auditBody("SERIOUS_CASE_REVIEW", "Ex C: SCR", "OH", List.of(), "2072-04-01",
                "2072-09-30")));
        auditIds.add(multiAgencyAudit("Ex D: MACA", "CSC", List.of("OH", "TVP"), "2072-06-01", "2072-12-31"));
        auditIds.add(multiAgencyAudit("Ex E: MACA", "EDU", List.of(), "2072-05-01", "2072-05-31"));
        String[][] themes = {
                {"NEGLECT"}, {"NEGLECT", "HOUSING"}, {"HOUSING"}, {"NEGLECT", "FATHERS", "HOUSING"}, {"FATHERS"}, {"NEGLECT"},
                {"SUPERVISION", "NEGLECT"}, {"HOUSING"}, {"NEGLECT"}, {"FATHERS", "SUPERVISION"}, {"NEGLECT"}, {"HOUSING"}};
        String[] kinds = {"STRENGTH", "CONCERN", "LEARNING_POINT", "RECOMMENDATION", "VIEW"};
        int n = 0;
        // Interleaved over the audits, so the examples (first finding of each distinct source, by id)
        // are not simply the first findings recorded.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < auditIds.size(); i++) {
                long audit = auditIds.get((i + round) % auditIds.size());
                String text = "Finding " + n + " of audit " + audit + " — « " + "ééà ".repeat(n % 3 == 0 ? 300 : 2) + "»";
                String agency = n % 4 == 0 ? "CSC" : null;
                api().post(manager(), findings(audit), findingBody(kinds[n % kinds.length], text,
                        List.of(themes[n % themes.length]), n % 5 == 0 ? "PRACTITIONER" : null, agency)).expect(201);
                n++;
            }
        }
    }

    @Test
    void theBoardsExamplesAreThoseOfTheAnalysisOverEveryFindingWithItsText() {
        assertSameAsFullRead(chair(), YEAR + "&minSources=1", null, null);
        assertSameAsFullRead(chair(), YEAR, null, null);
    }

    @Test
    void anAgencysExamplesComeOnlyFromWhatItSeesWithTheirOwnText() {
        assertSameAsFullRead(tvpUser(), YEAR + "&minSources=1", null, null);
        assertSameAsFullRead(ohUser(), YEAR + "&minSources=1", null, null);
    }

    @Test
    void filteredExamplesToo() {
        assertSameAsFullRead(chair(), YEAR + "&minSources=1&quadrant=PRACTITIONER", Quadrant.PRACTITIONER, null);
        assertSameAsFullRead(chair(), YEAR + "&minSources=1&agency=CSC", null, "CSC");
    }

    private void assertSameAsFullRead(String token, String query, Quadrant quadrant, String agency) {
        List<Map<String, Object>> actual = api().get(token, ANALYSIS + query).expect(200).list();
        List<Map<String, Object>> expected = expected(token, quadrant, agency, query.contains("minSources=1") ? 1 : 2);
        assertFalse(expected.isEmpty(), query);
        assertEquals(expected.size(), actual.size(), query);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            for (String field : List.of("theme", "findings", "sources", "repeated")) {
                assertEquals(e.get(field), a.get(field), field + " of " + e.get("theme"));
            }
            List<?> examples = (List<?>) a.get("examples");
            assertEquals(e.get("examples"), examples.stream().map(x -> example((Map<?, ?>) x)).toList(),
                    "examples of " + e.get("theme") + " for " + query);
            for (Object x : examples) {
                assertNotNull(((Map<?, ?>) x).get("text"));
            }
        }
    }

    /** The analysis as it was computed before: every visible finding of the year with its text, by id. */
    private List<Map<String, Object>> expected(String token, Quadrant quadrant, String agency, int minSources) {
        List<ThemeAnalysis.Evidence> evidence = new ArrayList<>();
        List<Map<String, Object>> visible = api().get(token, AUDITS).expect(200).list();
        for (Map<String, Object> audit : visible) {
            long id = ((Number) audit.get("id")).longValue();
            if (!auditIds.contains(id)) {
                continue;
            }
            for (Map<String, Object> f : api().get(token, findings(id)).expect(200).list()) {
                String concerns = f.get("agency") != null ? (String) f.get("agency") : (String) audit.get("leadAgency");
                Quadrant q = Quadrant.valueOf((String) f.get("quadrant"));
                if ((quadrant != null && q != quadrant) || (agency != null && !agency.equals(concerns))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<String> themes = (List<String>) f.get("themes");
                evidence.add(new ThemeAnalysis.Evidence(((Number) f.get("id")).longValue(), id, (String) audit.get("title"),
                        AuditType.valueOf((String) audit.get("type")), q, FindingKind.valueOf((String) f.get("kind")),
                        (String) f.get("text"), concerns, themes));
            }
        }
        evidence.sort(Comparator.comparingLong(ThemeAnalysis.Evidence::findingId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ThemeAnalysis.Result r : ThemeAnalysis.analyse(evidence, minSources)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("theme", r.theme());
            row.put("findings", r.findings());
            row.put("sources", r.sources());
            row.put("repeated", r.repeated());
            row.put("examples", r.examples().stream().map(x -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("findingId", x.findingId());
                m.put("auditId", x.sourceId());
                m.put("auditTitle", x.sourceTitle());
                m.put("kind", x.kind().name());
                m.put("text", x.text());
                return m;
            }).toList());
            out.add(row);
        }
        return out;
    }

    private static Map<String, Object> example(Map<?, ?> json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("findingId", ((Number) json.get("findingId")).longValue());
        m.put("auditId", ((Number) json.get("auditId")).longValue());
        m.put("auditTitle", json.get("auditTitle"));
        m.put("kind", json.get("kind"));
        m.put("text", json.get("text"));
        return m;
    }
}
