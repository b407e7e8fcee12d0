package uk.org.quadrant.indicators.dhis2;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"indicator":"CODE"}}: the indicator a data element (and combo) is. */
@Serdeable
public record DataElementMappingRequest(@NotBlank @Size(max = 40) String indicator) {
}
