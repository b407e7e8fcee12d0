package uk.org.quadrant.audits.readlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One read of case-level data: who (and for which agency), when, through which route, which audit and
 * which cases (their ids, comma-separated). Nothing of the cases' content: no reference, grade or summary.
 */
@Serdeable
@MappedEntity("case_read_log")
public record CaseRead(
        @Id @GeneratedValue @Nullable Long id,
        Instant readAt,
        String readBy,
        @Nullable String readByAgency,
        String route,
        long auditId,
        int caseCount,
        String caseIds) {
}
