package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A DHIS2 data value set as {@code GET /api/v1/dataValueSets} writes it: each value with its data element and
 * org unit as their mapped UIDs (else the indicator and agency codes), its category option combo if the
 * indicator's mapping names one, the value as a string, who last stored it and when. {@code numerator} and
 * {@code denominator} are Quadrant's own (DHIS2 has none; Quadrant's import reads them back).
 */
@Serdeable
public record DataValueSet(List<DataValue> dataValues) {

    @Serdeable
    public record DataValue(String dataElement, String period, String orgUnit, @Nullable String categoryOptionCombo, String value,
                            String storedBy, String lastUpdated, @Nullable String comment, boolean followup,
                            @Nullable String numerator, @Nullable String denominator) {
    }
}
