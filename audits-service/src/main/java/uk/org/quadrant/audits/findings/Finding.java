package uk.org.quadrant.audits.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What an audit or review found, tagged with themes and the quadrant of evidence it belongs to. */
@MappedEntity("finding")
public record Finding(
        @Id @GeneratedValue @Nullable Long id,
        long auditId,
        FindingKind kind,
        String findingText,
        String themes,
        Quadrant quadrant,
        @Nullable String agency,
        @Nullable String actionRef,
        @Nullable String actionStatus,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public List<String> themeList() {
        return Arrays.stream(themes.split(",")).filter(t -> !t.isBlank()).toList();
    }
}
