package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.util.concurrent.CompletableFuture;

/**
 * indicators-service's DHIS2 mappings (issue 20), as the manager's admin page reads and writes them: which indicator a
 * DHIS2 data element (and category option combo) is and which agency an org unit is. Call through {@code Calls}.
 */
@Client(id = "indicators")
public interface Dhis2Client {

    @Get("/api/v1/dhis2/mappings")
    CompletableFuture<HttpResponse<Dhis2Mappings>> mappings();

    /**
     * Without a combo: the mapping for every combo of the data element that has none of its own. The combo is a
     * {@code @QueryValue} outside the URI template: a template variable left null is filled from the body's properties.
     */
    @Put("/api/v1/dhis2/mappings/data-elements/{uid}")
    CompletableFuture<HttpResponse<Dhis2Mappings.DataElement>> mapDataElement(String uid, @QueryValue @Nullable String categoryOptionCombo,
                                                                             @Body IndicatorRef body);

    @Delete("/api/v1/dhis2/mappings/data-elements/{uid}")
    CompletableFuture<HttpResponse<Void>> unmapDataElement(String uid, @QueryValue @Nullable String categoryOptionCombo);

    @Put("/api/v1/dhis2/mappings/org-units/{uid}")
    CompletableFuture<HttpResponse<Dhis2Mappings.OrgUnit>> mapOrgUnit(String uid, @Body AgencyRef body);

    @Delete("/api/v1/dhis2/mappings/org-units/{uid}")
    CompletableFuture<HttpResponse<Void>> unmapOrgUnit(String uid);

    /** {@code {"indicator":"CODE"}}. */
    @Serdeable
    record IndicatorRef(String indicator) {
    }

    /** {@code {"agency":"CODE"}}. */
    @Serdeable
    record AgencyRef(String agency) {
    }
}
