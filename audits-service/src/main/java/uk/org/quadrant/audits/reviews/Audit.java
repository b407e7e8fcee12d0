package uk.org.quadrant.audits.reviews;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An audit or review: the source of findings (and, for case audits, of graded cases). */
@MappedEntity("audit")
public record Audit(
        @Id @GeneratedValue @Nullable Long id,
        AuditType auditType,
        String title,
        String leadAgency,
        String participatingAgencies,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Nullable LocalDate plannedStart,
        @Nullable LocalDate plannedEnd,
        @Nullable LocalDate actualStart,
        @Nullable LocalDate actualEnd,
        AuditStatus status,
        @Nullable Integer scope,
        @Nullable String summary,
        @Nullable String gradingScale,
        @Nullable BigDecimal complianceThresholdPercent,
        String createdBy,
        String updatedBy,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public List<String> participants() {
        return Arrays.stream(participatingAgencies.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public boolean involves(String agency) {
        return leadAgency.equals(agency) || participants().contains(agency);
    }
}
