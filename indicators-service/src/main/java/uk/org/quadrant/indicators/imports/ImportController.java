package uk.org.quadrant.indicators.imports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.problem.InvalidRequestException;

/**
 * {@code POST /api/v1/values/import?format=quadrant|dhis2&dryRun=true|false}: CSV (or DHIS2 JSON)
 * in, {@code {"imported","valid","dryRun","errors":[{row,column,reason}]}} out; 400 if any row fails.
 */
@Controller("/api/v1/values/import")
@Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @Post(consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    HttpResponse<ImportResult> importValues(HttpRequest<?> request, @QueryValue(defaultValue = "quadrant") String format,
                                            @QueryValue(defaultValue = "false") String dryRun, @Body String body,
                                            Caller caller) {
        // Strictly true or false: "dryRun=yes" or a typo once meant a real import (hostile-input test).
        boolean dry = switch (dryRun.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("dryRun", "must be true or false");
        };
        ImportService.Format f = switch (format.toLowerCase()) {
            case "quadrant" -> ImportService.Format.QUADRANT;
            case "dhis2" -> ImportService.Format.DHIS2;
            default -> throw new InvalidRequestException("format", "must be quadrant or dhis2");
        };
        boolean json = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (json && f == ImportService.Format.QUADRANT) {
            throw new InvalidRequestException("format", "Quadrant's own format is CSV (text/csv); JSON is accepted for format=dhis2");
        }
        ImportResult result = imports.run(f, json, body, dry, caller);
        return result.errors().isEmpty() ? HttpResponse.ok(result) : HttpResponse.badRequest(result);
    }
}
