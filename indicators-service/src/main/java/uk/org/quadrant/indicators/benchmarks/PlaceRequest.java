package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What the manager sends to set the place: {@code {"laCode":"931","neighbourModel":"2025","version":3}}. */
@Serdeable
public record PlaceRequest(
        @NotNull @Pattern(regexp = "\\d{3}", message = "must be a local authority's 3-digit code, e.g. 931") String laCode,
        @NotNull @Pattern(regexp = "2025|2021", message = "must be 2025 or 2021") String neighbourModel,
        @Nullable Long version) {
}
