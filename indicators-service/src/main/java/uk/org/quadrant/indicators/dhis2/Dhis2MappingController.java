package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;

/**
 * DHIS2 identifiers (issue 20): which indicator a data element (optionally with a category option combo) is,
 * and which agency an org unit is. Everyone signed in reads them; the manager writes them.
 */
@Controller("/api/v1/dhis2/mappings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class Dhis2MappingController {

    private final Dhis2Mappings mappings;

    Dhis2MappingController(Dhis2Mappings mappings) {
        this.mappings = mappings;
    }

    /** Every data element and org unit mapped. */
    @Get
    Dhis2MappingList list() {
        return mappings.all();
    }

    /**
     * {@code PUT /api/v1/dhis2/mappings/data-elements/f7n9E0hX8qk?categoryOptionCombo=HllvX50cXC0} {@code {"indicator":"CP-RATE"}}:
     * the data element (with that combo; without one, every combo that has no mapping of its own) is the indicator.
     * An indicator carries one data element: mapping it here removes its mapping from any other.
     */
    @Put("/data-elements/{uid}")
    @Secured(Caller.MANAGER)
    Dhis2MappingList.DataElement putDataElement(@PathVariable String uid, @QueryValue @Nullable String categoryOptionCombo,
                                                @Body @Valid DataElementMappingRequest request, Caller caller) {
        return mappings.putDataElement(uid, categoryOptionCombo, request, caller);
    }

    /** Removes the mapping of the data element (with that combo, or the one for every combo); 404 if there is none. */
    @Delete("/data-elements/{uid}")
    @Secured(Caller.MANAGER)
    HttpResponse<Void> deleteDataElement(@PathVariable String uid, @QueryValue @Nullable String categoryOptionCombo, Caller caller) {
        mappings.deleteDataElement(uid, categoryOptionCombo, caller);
        return HttpResponse.noContent();
    }

    /**
     * {@code PUT /api/v1/dhis2/mappings/org-units/DiszpKrYNg8} {@code {"agency":"CSC"}}: the org unit is the agency.
     * An agency carries one org unit: mapping it here removes its mapping from any other.
     */
    @Put("/org-units/{uid}")
    @Secured(Caller.MANAGER)
    Dhis2MappingList.OrgUnit putOrgUnit(@PathVariable String uid, @Body @Valid OrgUnitMappingRequest request, Caller caller) {
        return mappings.putOrgUnit(uid, request, caller);
    }

    /** Removes the mapping of the org unit; 404 if there is none. */
    @Delete("/org-units/{uid}")
    @Secured(Caller.MANAGER)
    HttpResponse<Void> deleteOrgUnit(@PathVariable String uid, Caller caller) {
        mappings.deleteOrgUnit(uid, caller);
        return HttpResponse.noContent();
    }
}
