package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What the manager sends to map an indicator (see {@link Mapping}); {@code version} to change an existing mapping; a blank {@code dataSetId} is none. */
@Serdeable
public record MappingRequest(
        @NotNull @Pattern(regexp = Mappings.COLUMN, message = "must be a column name of the file (letters, digits, _)") String measure,
        @Nullable @Size(max = 10) List<@NotNull @Size(min = 3, max = 300) String> filters,
        @Nullable @Pattern(regexp = "[A-Za-z0-9-]{0,64}", message = "must be an EES data set id (letters, digits, hyphens)") String dataSetId,
        @Nullable Boolean countToRate,
        @Nullable TargetFrom targetFrom,
        @Nullable Long version) {
}
