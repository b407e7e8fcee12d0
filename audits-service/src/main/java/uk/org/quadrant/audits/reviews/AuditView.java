package uk.org.quadrant.audits.reviews;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Serdeable
public record AuditView(long id, AuditType type, String title, String leadAgency, List<String> participatingAgencies,
                        LocalDate periodStart, LocalDate periodEnd, @Nullable LocalDate plannedStart,
                        @Nullable LocalDate plannedEnd, @Nullable LocalDate actualStart, @Nullable LocalDate actualEnd,
                        AuditStatus status, @Nullable Integer scope, @Nullable String summary,
                        @Nullable String gradingScale, @Nullable BigDecimal complianceThresholdPercent,
                        String createdBy, String updatedBy, Instant updatedAt, long version) {

    /** Trailing zeros stripped, never in exponent form (80, not 8E+1). */
    public static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static AuditView of(Audit a) {
        return new AuditView(a.id(), a.auditType(), a.title(), a.leadAgency(), a.participants(), a.periodStart(), a.periodEnd(),
                a.plannedStart(), a.plannedEnd(), a.actualStart(), a.actualEnd(), a.status(), a.scope(), a.summary(),
                a.gradingScale(), plain(a.complianceThresholdPercent()),
                a.createdBy(), a.updatedBy(), a.updatedAt(), a.version());
    }
}
