package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A new version of an indicator's EES data set that the refresh check found and staged
 * ({@code /api/v1/benchmarks/staged}): what importing it would change ({@code valuesChanging}, and
 * {@code changes} in detail), why it cannot be imported as mapped ({@code errors}), and its status:
 * {@code STAGED} until the manager approves (imports) or discards it.
 */
@Serdeable
public record StagedVersion(long id, String indicator, String dataSetId, String dataSetVersion, @Nullable String published,
                            String status, int valuesChanging, @Nullable ImportResult.Changes changes, @Nullable List<String> errors,
                            @Nullable String stagedAt, @Nullable String decidedBy, @Nullable String decidedAt) {

    public static final String STAGED = "STAGED";

    public boolean open() {
        return STAGED.equals(status);
    }
}
