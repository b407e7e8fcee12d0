package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

@Serdeable
public record CaseView(long id, long auditId, String caseRef, String agency, String grade, Map<String, String> domainGrades,
                       @Nullable String summary, String recordedBy, Instant recordedAt, long version) {
}
