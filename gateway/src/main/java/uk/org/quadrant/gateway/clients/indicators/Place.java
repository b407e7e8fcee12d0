package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The partnership's place ({@code /api/v1/benchmarks/place}): its local authority, region and neighbour model. */
@Serdeable
public record Place(@Nullable String laCode, @Nullable String laName, @Nullable String regionCode, @Nullable String regionName,
                    @Nullable String neighbourModel) {
}
