package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;

/**
 * {@code GET /api/v1/dataValueSets?indicator=&period=&agency=}: the values the caller may see as a DHIS2 data
 * value set, JSON, or DHIS2 CSV when the Accept header asks for {@code text/csv} (issue 20).
 */
@Controller("/api/v1/dataValueSets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DataValueSetController {

    private static final String CSV = "text/csv; charset=utf-8";

    private final DataValueSets sets;

    DataValueSetController(DataValueSets sets) {
        this.sets = sets;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, CSV, MediaType.ALL})
    @ApiResponse(responseCode = "200", description = "The data value set", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataValueSet.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    HttpResponse<?> export(HttpRequest<?> request, @QueryValue @Nullable @Size(max = 40) String indicator,
                           @QueryValue @Nullable @Size(max = 16) String period, @QueryValue @Nullable @Size(max = 16) String agency,
                           Caller caller) {
        DataValueSet set = sets.export(indicator, period, agency, caller);
        // CSV when the caller's first choice is text/csv; JSON otherwise (any Accept header: never a 406 before the 401/403).
        boolean csv = request.getHeaders().accept().stream().findFirst()
                .map(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype())).orElse(false);
        if (csv) {
            return HttpResponse.ok(sets.csv(set)).contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dataValueSet.csv\"");
        }
        return HttpResponse.ok(set).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
