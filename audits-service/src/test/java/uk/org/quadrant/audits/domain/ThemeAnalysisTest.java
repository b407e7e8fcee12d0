package uk.org.quadrant.audits.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.audits.domain.AuditType.CHILDREN_AND_FAMILIES_ENGAGEMENT;
import static uk.org.quadrant.audits.domain.AuditType.MULTI_AGENCY_CASE_AUDIT;
import static uk.org.quadrant.audits.domain.AuditType.PRACTITIONER_EVENT_OR_SURVEY;
import static uk.org.quadrant.audits.domain.AuditType.SERIOUS_CASE_REVIEW;
import static uk.org.quadrant.audits.domain.Quadrant.CHILDREN_AND_FAMILIES;
import static uk.org.quadrant.audits.domain.Quadrant.PRACTITIONER;
import static uk.org.quadrant.audits.domain.Quadrant.QUALITATIVE;

/**
 * Theme analysis on a known fixture of four sources and eight findings:
 *
 * <pre>
 * source 1  MACA (qualitative)            f1 NEGLECT, CHRONOLOGIES
 *                                         f2 NEGLECT, THRESHOLDS
 *                                         f3 NEGLECT, NEGLECT, THRESHOLDS   (theme listed twice)
 * source 2  SCR (qualitative)             f4 NEGLECT, DOMESTIC_ABUSE
 * source 3  practitioner event            f5 NEGLECT, CHRONOLOGIES
 *                                         f6 DOMESTIC_ABUSE, THRESHOLDS
 * source 4  children and families         f7 VOICE_OF_THE_CHILD
 *                                         f8 VOICE_OF_THE_CHILD
 * </pre>
 *
 * Expected: NEGLECT 5 findings / 3 sources; THRESHOLDS 3 / 2; CHRONOLOGIES 2 / 2; DOMESTIC_ABUSE 2 / 2;
 * VOICE_OF_THE_CHILD 2 / 1.
 */
class ThemeAnalysisTest {

    private static ThemeAnalysis.Evidence ev(long finding, long source, AuditType type, Quadrant quadrant, String... themes) {
        return new ThemeAnalysis.Evidence(finding, source, "Source " + source, type, quadrant, FindingKind.LEARNING_POINT,
                "finding " + finding, "CSC", List.of(themes));
    }

    static List<ThemeAnalysis.Evidence> fixture() {
        return List.of(
                ev(1, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "NEGLECT", "CHRONOLOGIES"),
                ev(2, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "NEGLECT", "THRESHOLDS"),
                ev(3, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "NEGLECT", "NEGLECT", "THRESHOLDS"),
                ev(4, 2, SERIOUS_CASE_REVIEW, QUALITATIVE, "NEGLECT", "DOMESTIC_ABUSE"),
                ev(5, 3, PRACTITIONER_EVENT_OR_SURVEY, PRACTITIONER, "NEGLECT", "CHRONOLOGIES"),
                ev(6, 3, PRACTITIONER_EVENT_OR_SURVEY, PRACTITIONER, "DOMESTIC_ABUSE", "THRESHOLDS"),
                ev(7, 4, CHILDREN_AND_FAMILIES_ENGAGEMENT, CHILDREN_AND_FAMILIES, "VOICE_OF_THE_CHILD"),
                ev(8, 4, CHILDREN_AND_FAMILIES_ENGAGEMENT, CHILDREN_AND_FAMILIES, "VOICE_OF_THE_CHILD"));
    }

    private static ThemeAnalysis.Result row(List<ThemeAnalysis.Result> results, String theme) {
        return results.stream().filter(r -> r.theme().equals(theme)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + theme + " in " + results));
    }

    @Test
    void countsFindingsAndDistinctSources() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(fixture(), 2);
        assertEquals(5, results.size(), results.toString());
        record Expected(String theme, int findings, int sources) {
        }
        for (Expected e : List.of(new Expected("NEGLECT", 5, 3), new Expected("THRESHOLDS", 3, 2),
                new Expected("CHRONOLOGIES", 2, 2), new Expected("DOMESTIC_ABUSE", 2, 2),
                new Expected("VOICE_OF_THE_CHILD", 2, 1))) {
            ThemeAnalysis.Result r = row(results, e.theme());
            assertEquals(e.findings(), r.findings(), e.theme() + " findings");
            assertEquals(e.sources(), r.sources(), e.theme() + " sources");
        }
    }

    @Test
    void aFindingListingAThemeTwiceCountsOnce() {
        List<ThemeAnalysis.Result> one = ThemeAnalysis.analyse(List.of(
                ev(1, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "NEGLECT", "NEGLECT", "NEGLECT")), 1);
        assertEquals(1, one.size());
        assertEquals(1, one.get(0).findings());
        assertEquals(1, one.get(0).sources());
        assertEquals(1, one.get(0).examples().size());
        // and in the fixture f3 (NEGLECT twice) adds one to NEGLECT, not two
        assertEquals(5, row(ThemeAnalysis.analyse(fixture(), 2), "NEGLECT").findings());
    }

    @Test
    void sourceTypesAndQuadrantsAreDistinct() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(fixture(), 2);
        ThemeAnalysis.Result neglect = row(results, "NEGLECT");
        assertEquals(Set.of(MULTI_AGENCY_CASE_AUDIT, SERIOUS_CASE_REVIEW, PRACTITIONER_EVENT_OR_SURVEY), Set.copyOf(neglect.sourceTypes()));
        assertEquals(3, neglect.sourceTypes().size(), "no duplicate source types: " + neglect.sourceTypes());
        assertEquals(Set.of(QUALITATIVE, PRACTITIONER), Set.copyOf(neglect.quadrants()));
        assertEquals(2, neglect.quadrants().size(), "no duplicate quadrants: " + neglect.quadrants());

        ThemeAnalysis.Result voice = row(results, "VOICE_OF_THE_CHILD");
        assertEquals(List.of(CHILDREN_AND_FAMILIES_ENGAGEMENT), voice.sourceTypes());
        assertEquals(List.of(CHILDREN_AND_FAMILIES), voice.quadrants());

        ThemeAnalysis.Result abuse = row(results, "DOMESTIC_ABUSE");
        assertEquals(Set.of(SERIOUS_CASE_REVIEW, PRACTITIONER_EVENT_OR_SURVEY), Set.copyOf(abuse.sourceTypes()));
        assertEquals(Set.of(QUALITATIVE, PRACTITIONER), Set.copyOf(abuse.quadrants()));
    }

    @Test
    void twoSourcesMakeARepeatedThemeByDefaultRule() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(fixture(), 2);
        assertTrue(row(results, "NEGLECT").repeated());
        assertTrue(row(results, "THRESHOLDS").repeated());
        assertTrue(row(results, "CHRONOLOGIES").repeated());
        assertTrue(row(results, "DOMESTIC_ABUSE").repeated());
        // two findings, but both from one source: not repeated
        assertFalse(row(results, "VOICE_OF_THE_CHILD").repeated());
    }

    @Test
    void withThreeSourcesOnlyNeglectIsRepeated() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(fixture(), 3);
        assertEquals(List.of("NEGLECT"), results.stream().filter(ThemeAnalysis.Result::repeated).map(ThemeAnalysis.Result::theme).toList());
        // the rule changes "repeated", not the counts
        assertEquals(2, row(results, "THRESHOLDS").sources());
    }

    @Test
    void withOneSourceEveryThemeIsRepeated() {
        assertTrue(ThemeAnalysis.analyse(fixture(), 1).stream().allMatch(ThemeAnalysis.Result::repeated));
    }

    @Test
    void minSourcesBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThemeAnalysis.analyse(fixture(), 0));
        assertThrows(IllegalArgumentException.class, () -> ThemeAnalysis.analyse(fixture(), -1));
    }

    @Test
    void rankedBySourcesThenFindingsThenThemeCode() {
        List<String> order = ThemeAnalysis.analyse(fixture(), 2).stream().map(ThemeAnalysis.Result::theme).toList();
        // NEGLECT (3 sources) first; THRESHOLDS (2 sources, 3 findings) before the two 2/2 themes, which
        // tie and go alphabetically; VOICE_OF_THE_CHILD (1 source, though 2 findings) last.
        assertEquals(List.of("NEGLECT", "THRESHOLDS", "CHRONOLOGIES", "DOMESTIC_ABUSE", "VOICE_OF_THE_CHILD"), order);
    }

    @Test
    void rankingDoesNotDependOnInputOrder() {
        List<ThemeAnalysis.Evidence> reversed = new ArrayList<>(fixture());
        java.util.Collections.reverse(reversed);
        assertEquals(ThemeAnalysis.analyse(fixture(), 2).stream().map(ThemeAnalysis.Result::theme).toList(),
                ThemeAnalysis.analyse(reversed, 2).stream().map(ThemeAnalysis.Result::theme).toList());
    }

    @Test
    void moreSourcesOutrankMoreFindings() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(List.of(
                ev(1, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "AAA_MANY"),
                ev(2, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "AAA_MANY"),
                ev(3, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "AAA_MANY"),
                ev(4, 1, MULTI_AGENCY_CASE_AUDIT, QUALITATIVE, "ZZZ_SPREAD"),
                ev(5, 2, SERIOUS_CASE_REVIEW, QUALITATIVE, "ZZZ_SPREAD")), 2);
        assertEquals(List.of("ZZZ_SPREAD", "AAA_MANY"), results.stream().map(ThemeAnalysis.Result::theme).toList());
    }

    @Test
    void examplesComeFromDifferentSources() {
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(fixture(), 2);
        for (ThemeAnalysis.Result r : results) {
            assertFalse(r.examples().isEmpty(), r.theme() + " has examples");
            assertTrue(r.examples().size() <= ThemeAnalysis.EXAMPLES, r.theme() + " at most " + ThemeAnalysis.EXAMPLES);
            Set<Long> sources = new HashSet<>();
            r.examples().forEach(e -> assertTrue(sources.add(e.sourceId()), r.theme() + ": two examples from source "
                    + e.sourceId() + ": " + r.examples()));
        }
        // NEGLECT: one example from each of its three sources, not three from the MACA that came first
        ThemeAnalysis.Result neglect = row(results, "NEGLECT");
        assertEquals(List.of(1L, 2L, 3L), neglect.examples().stream().map(ThemeAnalysis.Example::sourceId).sorted().toList());
        assertEquals(Set.of(1L, 4L, 5L), neglect.examples().stream().map(ThemeAnalysis.Example::findingId).collect(java.util.stream.Collectors.toSet()));
        ThemeAnalysis.Example first = neglect.examples().stream().filter(e -> e.findingId() == 4L).findFirst().orElseThrow();
        assertEquals("Source 2", first.sourceTitle());
        assertEquals("finding 4", first.text());
        assertEquals(FindingKind.LEARNING_POINT, first.kind());
    }

    @Test
    void atMostThreeExamplesEvenWithMoreSources() {
        List<ThemeAnalysis.Evidence> evidence = new ArrayList<>();
        for (long s = 1; s <= 5; s++) {
            evidence.add(ev(s, s, SERIOUS_CASE_REVIEW, QUALITATIVE, "NEGLECT"));
        }
        ThemeAnalysis.Result r = ThemeAnalysis.analyse(evidence, 2).get(0);
        assertEquals(5, r.sources());
        assertEquals(ThemeAnalysis.EXAMPLES, r.examples().size());
        assertEquals(3, r.examples().stream().map(ThemeAnalysis.Example::sourceId).distinct().count());
    }

    @Test
    void noEvidenceNoThemes() {
        assertTrue(ThemeAnalysis.analyse(List.of(), 2).isEmpty());
        assertTrue(ThemeAnalysis.analyse(List.of(ev(1, 1, SERIOUS_CASE_REVIEW, QUALITATIVE)), 2).isEmpty(),
                "a finding with no themes contributes nothing");
    }
}
