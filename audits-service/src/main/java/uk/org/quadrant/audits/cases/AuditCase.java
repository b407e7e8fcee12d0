package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * One agency's view of an audited case ({@code agency} = the agency), or the joint conclusion of a
 * multi-agency audit ({@code agency} = {@value #JOINT}).
 */
@MappedEntity("audit_case")
public record AuditCase(
        @Id @GeneratedValue @Nullable Long id,
        long auditId,
        String caseRef,
        String agency,
        String grade,
        @Nullable String domainGrades,
        @Nullable String summary,
        String recordedBy,
        Instant recordedAt,
        @Version @Nullable Long version) {

    public static final String JOINT = "JOINT";
}
