package uk.org.quadrant.audits.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A graded case: {@code agency} is the agency whose single-agency view this is; leave it out (board
 * manager) or send {@code JOINT} for the joint conclusion of a multi-agency audit.
 */
@Serdeable
public record CaseRequest(@NotBlank @Size(max = 32) String caseRef,
                          @NotBlank @Size(max = 40) String grade,
                          @Nullable @Size(max = 12) Map<String, String> domainGrades,
                          @Nullable @Size(max = 16) String agency,
                          @Nullable @Size(max = 4000) String summary,
                          @Nullable Long version) {
}
