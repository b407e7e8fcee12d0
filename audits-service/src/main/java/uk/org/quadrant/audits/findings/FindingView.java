package uk.org.quadrant.audits.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;

import java.time.Instant;
import java.util.List;

@Serdeable
public record FindingView(long id, long auditId, FindingKind kind, String text, List<String> themes, Quadrant quadrant,
                          @Nullable String agency, @Nullable String actionRef, @Nullable String actionStatus,
                          String createdBy, Instant createdAt, long version) {

    public static FindingView of(Finding f) {
        return new FindingView(f.id(), f.auditId(), f.kind(), f.findingText(), f.themeList(), f.quadrant(), f.agency(),
                f.actionRef(), f.actionStatus(), f.createdBy(), f.createdAt(), f.version());
    }
}
