package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** An audit in the programme ({@code /api/v1/audits}). Codes and dates are the service's text. */
@Serdeable
public record Audit(long id, String type, String title, String leadAgency, @Nullable List<String> participatingAgencies,
                    @Nullable String periodStart, @Nullable String periodEnd, @Nullable String plannedStart,
                    @Nullable String plannedEnd, @Nullable String actualStart, @Nullable String actualEnd, String status,
                    @Nullable Integer scope, @Nullable String summary, @Nullable String gradingScale,
                    @Nullable BigDecimal complianceThresholdPercent, @Nullable String createdBy, @Nullable String updatedBy,
                    @Nullable String updatedAt, long version) {

    /** The participating agencies, never null. */
    public List<String> participants() {
        return participatingAgencies == null ? List.of() : participatingAgencies;
    }
}
