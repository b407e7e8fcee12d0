package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Grade distribution across every case audit the caller may see in a date range, one block per scale. */
@Serdeable
public record AcrossAuditsGrades(String gradingScale, int audits, int cases, Map<String, Integer> distribution,
                                 @Nullable BigDecimal percentMeetingStandard, String standard, List<Long> auditIds) {
}
