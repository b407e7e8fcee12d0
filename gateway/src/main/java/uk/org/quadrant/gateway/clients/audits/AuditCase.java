package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** One audited case with its grade. */
@Serdeable
public record AuditCase(long id, long auditId, String caseRef, String agency, String grade,
                        @Nullable Map<String, String> domainGrades, @Nullable String summary, @Nullable String recordedBy,
                        @Nullable String recordedAt, long version) {
}
