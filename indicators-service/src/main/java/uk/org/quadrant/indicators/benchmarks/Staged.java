package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A new version of an indicator's EES data set, found by the refresh check and staged: what importing
 * it would change ({@code valuesChanging}: "12 values would change"; {@code changes} in detail), its
 * errors if it cannot be imported as mapped, and its status: STAGED until the manager approves (imports
 * it) or discards it.
 */
@Serdeable
public record Staged(long id, String indicator, String dataSetId, String dataSetVersion, @Nullable String published, String status,
                     int valuesChanging, EesImportResult.Changes changes, List<String> errors, Instant stagedAt,
                     @Nullable String decidedBy, @Nullable Instant decidedAt) {

    static Staged of(StagedRow r) {
        EesImportResult.Changes changes = new EesImportResult.Changes(r.added(), r.changed(), r.unchanged(), r.removed());
        return new Staged(r.id(), r.indicatorCode(), r.dataSetId(), r.dataSetVersion(), r.published(), r.status(), changes.total(),
                changes, Mappings.split(r.errors()), r.stagedAt(), r.decidedBy(), r.decidedAt());
    }
}
