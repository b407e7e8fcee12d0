package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.domain.Period;

import java.util.ArrayList;
import java.util.List;

/**
 * Published statistics: the list of mapped indicators and how the partnership compares (everyone
 * signed in), the mappings (everyone reads, the manager writes) and the EES import (the manager).
 */
@Controller("/api/v1/benchmarks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BenchmarkController {

    private final EesImport imports;
    private final Mappings mappings;
    private final BenchmarkList list;

    BenchmarkController(EesImport imports, Mappings mappings, BenchmarkList list) {
        this.imports = imports;
        this.mappings = mappings;
        this.list = list;
    }

    /**
     * Every mapped indicator with its latest period, figures, rank, quartile and standing (the /benchmarks
     * page); with {@code period} (any Quadrant period: the board's, the report's year) each line is the
     * latest published period starting no later than it, that period itself where published.
     */
    @Get
    BenchmarkSummary list(@QueryValue @Nullable @Size(max = 16) String period, Caller caller) {
        Period asAt = period == null || period.isBlank() ? null : Period.parse(period.strip())
                .orElseThrow(() -> new InvalidRequestException("period", "'" + EesTime.clip(period) + "' is not a period such as 2017April"));
        return list.summary(asAt, caller);
    }

    /**
     * {@code POST /api/v1/benchmarks/import?format=ees&indicator=LAC&measure=children_count&filter=population_type:Children looked after on 31 March each year&dryRun=true},
     * body the EES tidy CSV: {@code {"imported","valid","geographies","periods","suppressed","dryRun","changes","importId","errors"}};
     * 400 with the errors by row and column when any row fails (nothing written). {@code measure} and
     * {@code filter} default to the indicator's mapping; {@code fileName} is kept with the figures.
     */
    @Post(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Secured(Caller.MANAGER)
    HttpResponse<EesImportResult> importFile(@QueryValue @Size(max = 40) String indicator,
                                             @QueryValue(defaultValue = "ees") String format,
                                             @QueryValue @Nullable @Size(max = 64) String measure,
                                             @QueryValue("filter") @Nullable List<@Size(max = 300) String> filter,
                                             @QueryValue(defaultValue = "false") String dryRun,
                                             @QueryValue @Nullable @Size(max = 200) String fileName,
                                             @Body String body, Caller caller) {
        if (!"ees".equalsIgnoreCase(format.strip())) {
            throw new InvalidRequestException("format", "must be ees (Explore Education Statistics tidy CSV)");
        }
        boolean dry = switch (dryRun.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("dryRun", "must be true or false");
        };
        if (filter != null && filter.size() > 10) {
            throw new InvalidRequestException("filter", "at most 10 filters");
        }
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name != null && name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("fileName", "must not contain control characters");
        }
        EesImportResult result = imports.run(indicator, measure, filter == null ? List.of() : new ArrayList<>(filter), body, dry,
                new EesImport.Source(name, null, null), caller);
        return result.errors().isEmpty() ? HttpResponse.ok(result) : HttpResponse.badRequest(result);
    }

    @Get("/mappings")
    List<Mapping> mappings() {
        return mappings.all();
    }

    @Get("/mappings/{code}")
    Mapping mapping(@PathVariable String code) {
        return mappings.require(code);
    }

    /** Maps an indicator (or changes its mapping, with the {@code version} read). */
    @Put("/mappings/{code}")
    @Secured(Caller.MANAGER)
    Mapping putMapping(@PathVariable String code, @Body @Valid MappingRequest request, Caller caller) {
        return mappings.put(code, request, caller);
    }
}
