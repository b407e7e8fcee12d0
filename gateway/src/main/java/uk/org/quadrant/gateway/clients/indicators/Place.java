package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The partnership's place ({@code /api/v1/benchmarks/place}): its local authority (3-digit old code),
 * region and neighbour model, the authority's neighbours in that model, and who set it last
 * ({@code version} null and {@code updatedBy} "configuration" until the manager first sets it).
 */
@Serdeable
public record Place(@Nullable String laCode, @Nullable String laName, @Nullable String regionCode, @Nullable String regionName,
                    @Nullable String neighbourModel, @Nullable List<Member> neighbours, @Nullable Long version,
                    @Nullable String updatedBy, @Nullable String updatedAt) {

    /** A statistical neighbour: its code, name and closeness band. */
    @Serdeable
    public record Member(@Nullable String code, @Nullable String name, @Nullable String closeness) {
    }
}
