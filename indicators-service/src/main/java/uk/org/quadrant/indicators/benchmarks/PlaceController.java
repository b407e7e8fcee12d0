package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;

/** The partnership's local authority and neighbour model: everyone reads it; the manager sets it. */
@Controller("/api/v1/benchmarks/place")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaceController {

    private final PlaceService places;

    PlaceController(PlaceService places) {
        this.places = places;
    }

    /** {@code {"laCode","laName","regionCode","regionName","neighbourModel","neighbours":[…],"version",…}}. */
    @Get
    Place get() {
        return places.current();
    }

    /** Sets the local authority and model; {@code version} as read (409 when someone changed it meanwhile). */
    @Put
    @Secured(Caller.MANAGER)
    Place put(@Body @Valid PlaceRequest request, Caller caller) {
        return places.set(request, caller);
    }
}
