package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/dhis2/mappings}: every data element mapped to an indicator ({@code categoryOptionCombo}
 * null: every combo without a mapping of its own) and every org unit mapped to an agency.
 */
@Serdeable
public record Dhis2MappingList(List<DataElement> dataElements, List<OrgUnit> orgUnits) {

    @Serdeable
    public record DataElement(String dataElement, @Nullable String categoryOptionCombo, String indicator, long version,
                              String updatedBy, Instant updatedAt) {
    }

    @Serdeable
    public record OrgUnit(String orgUnit, String agency, long version, String updatedBy, Instant updatedAt) {
    }
}
