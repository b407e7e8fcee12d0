package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Map;

/** An audit's grade distribution (best grade first, as the service orders it) and its compliance. */
@Serdeable
public record AuditGrades(long auditId, @Nullable String gradingScale, @Nullable Map<String, Integer> distribution, int cases,
                          @Nullable BigDecimal compliancePercent, @Nullable BigDecimal complianceThresholdPercent,
                          @Nullable Boolean complianceMet, @Nullable String standard) {
}
