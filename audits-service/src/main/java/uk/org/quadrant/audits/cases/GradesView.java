package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Map;

/** Grade distribution of an audit's cases and compliance against its standard. */
@Serdeable
public record GradesView(long auditId, String gradingScale, Map<String, Integer> distribution, int cases,
                         @Nullable BigDecimal compliancePercent, @Nullable BigDecimal complianceThresholdPercent,
                         @Nullable Boolean complianceMet, String standard) {
}
