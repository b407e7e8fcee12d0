package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a check for new EES versions did ({@code POST /api/v1/benchmarks/staged/check}): how many mapped
 * data sets it checked, the versions it staged, and the data sets it could not check, with why.
 */
@Serdeable
public record StagedCheck(int checked, @Nullable List<StagedVersion> staged, @Nullable List<Failure> failures) {

    @Serdeable
    public record Failure(String indicator, @Nullable String dataSetId, @Nullable String reason) {
    }
}
