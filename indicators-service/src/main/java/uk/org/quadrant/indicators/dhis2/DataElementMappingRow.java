package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A DHIS2 data element (table {@code dhis2_data_element}) and one of its category option combos, or
 * {@link Dhis2Mappings#EVERY_COMBO} ({@code ''}) for every combo without a mapping of its own, as one indicator.
 */
@MappedEntity("dhis2_data_element")
record DataElementMappingRow(@Id @GeneratedValue @Nullable Long id, String dataElement, String categoryOptionCombo,
                             String indicatorCode, long version, String updatedBy, Instant updatedAt) {
}
