package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** indicators-service's {@code GET /api/v1/dhis2/mappings}: data elements to indicators, org units to agencies. */
@Serdeable
public record Dhis2Mappings(@Nullable List<DataElement> dataElements, @Nullable List<OrgUnit> orgUnits) {

    /** {@code categoryOptionCombo} null: every combo of the data element without a mapping of its own. */
    @Serdeable
    public record DataElement(String dataElement, @Nullable String categoryOptionCombo, String indicator, @Nullable String updatedBy) {
    }

    @Serdeable
    public record OrgUnit(String orgUnit, String agency, @Nullable String updatedBy) {
    }
}
