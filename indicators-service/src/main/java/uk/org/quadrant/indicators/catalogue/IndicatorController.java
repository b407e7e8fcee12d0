package uk.org.quadrant.indicators.catalogue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;

import java.net.URI;
import java.util.List;

/** Indicator definitions: everyone signed in reads them; the board manager writes them. */
@Controller("/api/v1/indicators")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class IndicatorController {

    private final IndicatorCatalogue catalogue;

    IndicatorController(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    List<Indicator> list() {
        return catalogue.all();
    }

    @Get("/{code}")
    Indicator get(@PathVariable String code) {
        return catalogue.require(code);
    }

    @Post
    @Secured(Caller.MANAGER)
    HttpResponse<Indicator> create(@Body @Valid IndicatorDefinition definition, Caller caller) {
        Indicator created = catalogue.create(definition, caller);
        return HttpResponse.created(created, URI.create("/api/v1/indicators/" + created.code()));
    }

    @Put("/{code}")
    @Secured(Caller.MANAGER)
    Indicator update(@PathVariable String code, @Body @Valid IndicatorDefinition definition, Caller caller) {
        return catalogue.update(code, definition, caller);
    }
}
