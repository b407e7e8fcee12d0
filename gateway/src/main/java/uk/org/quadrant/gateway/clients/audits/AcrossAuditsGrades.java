package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Grade distribution across every case audit in a date range, one per grading scale ({@code /api/v1/grades}). */
@Serdeable
public record AcrossAuditsGrades(String gradingScale, int audits, int cases, @Nullable Map<String, Integer> distribution,
                                 @Nullable BigDecimal percentMeetingStandard, @Nullable String standard, @Nullable List<Long> auditIds) {
}
