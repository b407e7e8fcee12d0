package uk.org.quadrant.indicators.dhis2;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A DHIS2 org unit as one agency (table {@code dhis2_org_unit}). */
@MappedEntity("dhis2_org_unit")
record OrgUnitMappingRow(@Id String orgUnit, String agencyCode, long version, String updatedBy, Instant updatedAt) {
}
