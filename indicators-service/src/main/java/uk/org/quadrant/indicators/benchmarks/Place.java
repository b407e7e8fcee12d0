package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The partnership's place: its local authority (3-digit old code), name and region (from the ONS
 * file), the neighbour model in use and the authority's neighbours in it. {@code version} is null and
 * {@code updatedBy} "configuration" until the manager first sets it.
 */
@Serdeable
public record Place(String laCode, @Nullable String laName, @Nullable String regionCode, @Nullable String regionName,
                    String neighbourModel, List<Member> neighbours, @Nullable Long version, String updatedBy,
                    @Nullable Instant updatedAt) {

    /** A neighbour: its code, name and closeness band. */
    @Serdeable
    public record Member(String code, @Nullable String name, @Nullable String closeness) {
    }

    NeighbourModel model() {
        return NeighbourModel.of(neighbourModel).orElse(NeighbourModel.M2025);
    }
}
