package uk.org.quadrant.indicators.targets;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;

import java.util.List;

/** Targets, baselines and benchmarks of one indicator. */
@Controller("/api/v1/indicators/{code}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferenceFigureController {

    private final ReferenceFigures figures;

    ReferenceFigureController(ReferenceFigures figures) {
        this.figures = figures;
    }

    @Get("/targets")
    List<FigureView> targets(@PathVariable String code) {
        return figures.list(code, ReferenceKind.TARGET);
    }

    @Put("/targets/{period}")
    @Secured(Caller.MANAGER)
    FigureView putTarget(@PathVariable String code, @PathVariable String period, @Body @Valid FigureRequest body, Caller caller) {
        return figures.put(code, ReferenceKind.TARGET, period, null, body.value(), caller);
    }

    @Delete("/targets/{period}")
    @Secured(Caller.MANAGER)
    HttpResponse<Void> deleteTarget(@PathVariable String code, @PathVariable String period, Caller caller) {
        figures.delete(code, ReferenceKind.TARGET, period, null, caller);
        return HttpResponse.noContent();
    }

    @Get("/baselines")
    List<FigureView> baselines(@PathVariable String code) {
        return figures.list(code, ReferenceKind.BASELINE);
    }

    @Put("/baselines/{period}")
    @Secured(Caller.MANAGER)
    FigureView putBaseline(@PathVariable String code, @PathVariable String period, @Body @Valid FigureRequest body, Caller caller) {
        return figures.put(code, ReferenceKind.BASELINE, period, null, body.value(), caller);
    }

    @Delete("/baselines/{period}")
    @Secured(Caller.MANAGER)
    HttpResponse<Void> deleteBaseline(@PathVariable String code, @PathVariable String period, Caller caller) {
        figures.delete(code, ReferenceKind.BASELINE, period, null, caller);
        return HttpResponse.noContent();
    }

    @Get("/benchmarks")
    List<FigureView> benchmarks(@PathVariable String code) {
        return figures.list(code, ReferenceKind.BENCHMARK);
    }

    @Put("/benchmarks/{period}/{comparator}")
    @Secured(Caller.MANAGER)
    FigureView putBenchmark(@PathVariable String code, @PathVariable String period, @PathVariable String comparator,
                            @Body @Valid FigureRequest body, Caller caller) {
        return figures.put(code, ReferenceKind.BENCHMARK, period, comparator, body.value(), caller);
    }

    @Delete("/benchmarks/{period}/{comparator}")
    @Secured(Caller.MANAGER)
    HttpResponse<Void> deleteBenchmark(@PathVariable String code, @PathVariable String period, @PathVariable String comparator,
                                       Caller caller) {
        figures.delete(code, ReferenceKind.BENCHMARK, period, comparator, caller);
        return HttpResponse.noContent();
    }
}
