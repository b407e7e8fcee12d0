package uk.org.quadrant.audits.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grade distribution and compliance for a set of case conclusions on one scale: how many cases
 * at each grade (every grade of the scale listed, best first), the share meeting the standard (one
 * decimal place, half-up) and whether that reaches the threshold.
 */
public record GradeSummary(Map<String, Integer> distribution, int cases, BigDecimal compliancePercent,
                           BigDecimal thresholdPercent, Boolean complianceMet) {

    public static GradeSummary of(GradingScale scale, Collection<String> caseGrades, BigDecimal thresholdPercent) {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        scale.grades().forEach(g -> distribution.put(g, 0));
        int meeting = 0;
        for (String grade : caseGrades) {
            distribution.merge(grade, 1, Integer::sum);
            if (scale.meetsStandard(grade)) {
                meeting++;
            }
        }
        int cases = caseGrades.size();
        BigDecimal percent = cases == 0 ? null
                : BigDecimal.valueOf(meeting * 100L).divide(BigDecimal.valueOf(cases), 1, RoundingMode.HALF_UP);
        Boolean met = percent == null || thresholdPercent == null ? null : percent.compareTo(thresholdPercent) >= 0;
        return new GradeSummary(distribution, cases, percent, thresholdPercent, met);
    }
}
