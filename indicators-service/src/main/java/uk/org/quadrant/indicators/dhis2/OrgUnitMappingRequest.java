package uk.org.quadrant.indicators.dhis2;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"agency":"CODE"}}: the agency an org unit is. */
@Serdeable
public record OrgUnitMappingRequest(@NotBlank @Size(max = 16) String agency) {
}
