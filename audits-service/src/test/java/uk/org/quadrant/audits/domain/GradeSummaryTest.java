package uk.org.quadrant.audits.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeSummaryTest {

    private static List<String> grades(Object... gradeAndCount) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < gradeAndCount.length; i += 2) {
            out.addAll(Collections.nCopies((Integer) gradeAndCount[i + 1], (String) gradeAndCount[i]));
        }
        Collections.shuffle(out, new java.util.Random(7));
        return out;
    }

    /** {@code meeting} cases at GOOD and the rest at REQUIRES_IMPROVEMENT. */
    private static GradeSummary ofsted(int meeting, int cases, String threshold) {
        return GradeSummary.of(GradingScale.OFSTED, grades("GOOD", meeting, "REQUIRES_IMPROVEMENT", cases - meeting),
                threshold == null ? null : new BigDecimal(threshold));
    }

    @Test
    void distributionListsEveryGradeOfTheScaleBestFirst() {
        GradeSummary s = GradeSummary.of(GradingScale.OFSTED, grades("GOOD", 3, "INADEQUATE", 1), new BigDecimal("75"));
        assertEquals(List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), List.copyOf(s.distribution().keySet()));
        assertEquals(Map.of("OUTSTANDING", 0, "GOOD", 3, "REQUIRES_IMPROVEMENT", 0, "INADEQUATE", 1), s.distribution());
        assertEquals(4, s.cases());

        GradeSummary eh = GradeSummary.of(GradingScale.EARLY_HELP, grades("EFFECTIVE", 2), null);
        assertEquals(List.of("OUTSTANDING", "HIGHLY_EFFECTIVE", "EFFECTIVE", "INEFFECTIVE"), List.copyOf(eh.distribution().keySet()));
        assertEquals(2, eh.distribution().get("EFFECTIVE"));
        assertEquals(0, eh.distribution().get("INEFFECTIVE"));
    }

    @Test
    void distributionCountsEachGrade() {
        GradeSummary s = GradeSummary.of(GradingScale.OFSTED,
                grades("OUTSTANDING", 5, "GOOD", 40, "REQUIRES_IMPROVEMENT", 20, "INADEQUATE", 3), null);
        assertEquals(Map.of("OUTSTANDING", 5, "GOOD", 40, "REQUIRES_IMPROVEMENT", 20, "INADEQUATE", 3), s.distribution());
        assertEquals(68, s.cases());
        // OUTSTANDING and GOOD meet the standard: 45 of 68
        assertEquals(new BigDecimal("66.2"), s.compliancePercent());
    }

    @ParameterizedTest(name = "{0} of {1} = {2}")
    @CsvSource({
            "45, 68, 66.2",     // 66.176… rounds up
            "352, 440, 80.0",   // exact: one decimal place kept
            "1, 16, 6.3",       // 6.25: half-up, not half-even (6.2)
            "5, 8, 62.5",
            "1, 3, 33.3",
            "2, 3, 66.7",
            "0, 5, 0.0",
            "7, 7, 100.0",
            "1, 40, 2.5",
            "1, 80, 1.3"        // 1.25 half-up
    })
    void compliancePercentIsOneDecimalHalfUp(int meeting, int cases, String expected) {
        GradeSummary s = ofsted(meeting, cases, null);
        assertEquals(new BigDecimal(expected), s.compliancePercent(), meeting + "/" + cases);
        assertEquals(1, s.compliancePercent().scale(), "one decimal place");
        assertEquals(cases, s.cases());
    }

    @Test
    void metAtExactlyTheThreshold() {
        assertEquals(Boolean.TRUE, ofsted(3, 4, "75").complianceMet(), "75.0 against 75");
        assertEquals(Boolean.TRUE, ofsted(352, 440, "80").complianceMet(), "80.0 against 80");
        assertEquals(Boolean.TRUE, ofsted(352, 440, "80.00").complianceMet(), "scale of the threshold does not matter");
        assertEquals(Boolean.TRUE, ofsted(45, 68, "66.2").complianceMet(), "66.2 against 66.2");
    }

    @Test
    void notMetJustBelowTheThreshold() {
        assertEquals(Boolean.FALSE, ofsted(45, 68, "66.3").complianceMet());
        assertEquals(Boolean.FALSE, ofsted(2, 3, "75").complianceMet());
        assertEquals(Boolean.FALSE, ofsted(0, 5, "0.1").complianceMet());
    }

    @Test
    void aboveTheThresholdIsMet() {
        assertEquals(Boolean.TRUE, ofsted(4, 4, "75").complianceMet());
        assertEquals(Boolean.TRUE, ofsted(0, 5, "0").complianceMet(), "0 % meets a 0 % threshold");
    }

    @Test
    void thresholdKeptInTheSummary() {
        assertEquals(new BigDecimal("75"), ofsted(3, 4, "75").thresholdPercent());
    }

    @Test
    void noCasesNoPercentNoVerdict() {
        GradeSummary s = GradeSummary.of(GradingScale.OFSTED, List.of(), new BigDecimal("75"));
        assertEquals(0, s.cases());
        assertNull(s.compliancePercent());
        assertNull(s.complianceMet());
        assertEquals(List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), List.copyOf(s.distribution().keySet()));
        assertTrue(s.distribution().values().stream().allMatch(n -> n == 0));
    }

    @Test
    void noThresholdNoVerdictButAPercent() {
        GradeSummary s = ofsted(3, 4, null);
        assertEquals(new BigDecimal("75.0"), s.compliancePercent());
        assertNull(s.complianceMet());
    }

    @Test
    void earlyHelpScaleStandardIsEffective() {
        GradeSummary s = GradeSummary.of(GradingScale.EARLY_HELP,
                grades("OUTSTANDING", 1, "HIGHLY_EFFECTIVE", 1, "EFFECTIVE", 1, "INEFFECTIVE", 1), new BigDecimal("75"));
        assertEquals(new BigDecimal("75.0"), s.compliancePercent());
        assertEquals(Boolean.TRUE, s.complianceMet());
        GradeSummary poor = GradeSummary.of(GradingScale.EARLY_HELP, grades("EFFECTIVE", 1, "INEFFECTIVE", 3), new BigDecimal("50"));
        assertEquals(new BigDecimal("25.0"), poor.compliancePercent());
        assertFalse(poor.complianceMet());
    }

    @Test
    void requiresImprovementAndInadequateDoNotMeetTheOfstedStandard() {
        GradeSummary s = GradeSummary.of(GradingScale.OFSTED,
                grades("OUTSTANDING", 1, "GOOD", 1, "REQUIRES_IMPROVEMENT", 1, "INADEQUATE", 1), null);
        assertEquals(new BigDecimal("50.0"), s.compliancePercent());
    }
}
