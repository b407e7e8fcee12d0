package uk.org.quadrant.audits.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingScaleTest {

    @Test
    void ofstedScaleBestFirstWithGoodAsTheStandard() {
        GradingScale s = GradingScale.OFSTED;
        assertEquals("OFSTED", s.code());
        assertEquals(List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), s.grades());
        assertEquals("GOOD", s.standard());
        assertTrue(s.meetsStandard("OUTSTANDING"));
        assertTrue(s.meetsStandard("GOOD"));
        assertFalse(s.meetsStandard("REQUIRES_IMPROVEMENT"));
        assertFalse(s.meetsStandard("INADEQUATE"));
    }

    @Test
    void earlyHelpScaleBestFirstWithEffectiveAsTheStandard() {
        GradingScale s = GradingScale.EARLY_HELP;
        assertEquals("EARLY_HELP", s.code());
        assertEquals(List.of("OUTSTANDING", "HIGHLY_EFFECTIVE", "EFFECTIVE", "INEFFECTIVE"), s.grades());
        assertTrue(s.meetsStandard("OUTSTANDING"));
        assertTrue(s.meetsStandard("HIGHLY_EFFECTIVE"));
        assertTrue(s.meetsStandard("EFFECTIVE"));
        assertFalse(s.meetsStandard("INEFFECTIVE"));
    }

    @Test
    void gradesOfOneScaleAreNotGradesOfTheOther() {
        assertTrue(GradingScale.OFSTED.has("GOOD"));
        assertFalse(GradingScale.OFSTED.has("EFFECTIVE"));
        assertFalse(GradingScale.OFSTED.has("HIGHLY_EFFECTIVE"));
        assertFalse(GradingScale.EARLY_HELP.has("GOOD"));
        assertFalse(GradingScale.EARLY_HELP.has("REQUIRES_IMPROVEMENT"));
        assertTrue(GradingScale.EARLY_HELP.has("OUTSTANDING"));
    }

    @Test
    void unknownGradesAreNeitherOnTheScaleNorMeetTheStandard() {
        for (String g : new String[]{"good", "Good", "", "EXCELLENT", "GOOD "}) {
            assertFalse(GradingScale.OFSTED.has(g), String.valueOf(g));
            assertFalse(GradingScale.OFSTED.meetsStandard(g), String.valueOf(g));
        }
    }

    @Test
    void worseOfTwoGrades() {
        GradingScale s = GradingScale.OFSTED;
        assertEquals("INADEQUATE", s.worse("GOOD", "INADEQUATE"));
        assertEquals("INADEQUATE", s.worse("INADEQUATE", "GOOD"));
        assertEquals("REQUIRES_IMPROVEMENT", s.worse("OUTSTANDING", "REQUIRES_IMPROVEMENT"));
        assertEquals("GOOD", s.worse("GOOD", "GOOD"));
        assertEquals("INEFFECTIVE", GradingScale.EARLY_HELP.worse("INEFFECTIVE", "HIGHLY_EFFECTIVE"));
    }

    @Test
    void aBoardDefinedScale() {
        GradingScale s = new GradingScale("RAG3", "Three-point", List.of("STRONG", "ADEQUATE", "WEAK"), "ADEQUATE");
        assertTrue(s.meetsStandard("STRONG"));
        assertTrue(s.meetsStandard("ADEQUATE"));
        assertFalse(s.meetsStandard("WEAK"));
        GradingScale top = new GradingScale("PASS", "Pass/fail", List.of("PASS", "FAIL"), "PASS");
        assertTrue(top.meetsStandard("PASS"));
        assertFalse(top.meetsStandard("FAIL"));
        GradingScale bottom = new GradingScale("ALL", "All meet", List.of("A", "B"), "B");
        assertTrue(bottom.meetsStandard("B"));
    }

    @Test
    void theStandardMustBeOneOfTheGrades() {
        assertThrows(IllegalArgumentException.class, () -> new GradingScale("X", "X", List.of("A", "B"), "C"));
        assertThrows(IllegalArgumentException.class, () -> new GradingScale("X", "X", List.of(), "A"));
    }

    @Test
    void gradesAreCopiedAndImmutable() {
        List<String> grades = new ArrayList<>(List.of("A", "B"));
        GradingScale s = new GradingScale("X", "X", grades, "A");
        grades.add("C");
        assertEquals(List.of("A", "B"), s.grades());
        assertThrows(UnsupportedOperationException.class, () -> s.grades().add("D"));
    }
}
