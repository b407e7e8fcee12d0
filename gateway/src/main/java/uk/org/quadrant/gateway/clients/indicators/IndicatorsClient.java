package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.Format;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * indicators-service as the gateway reads and writes it. URL and timeouts from
 * {@code micronaut.http.services.indicators}; the user's token is put on by the downstream
 * {@code UserTokenFilter}; call every method through {@code Calls}, which applies the call policy.
 */
@Client(id = "indicators")
public interface IndicatorsClient {

    @Get("/api/v1/indicators")
    CompletableFuture<HttpResponse<List<Indicator>>> indicators();

    @Get("/api/v1/indicators/{code}")
    CompletableFuture<HttpResponse<Indicator>> indicator(String code);

    /** The series of one agency (default: the owner agency). */
    @Get("/api/v1/indicators/{code}/series{?agency}")
    CompletableFuture<HttpResponse<List<SeriesPoint>>> series(String code, @QueryValue @Nullable String agency);

    /** The same series as the service's spreadsheet-safe CSV, handed on to the user as a download. */
    @Get(value = "/api/v1/indicators/{code}/series.csv{?agency}", consumes = "text/csv")
    CompletableFuture<HttpResponse<byte[]>> seriesCsv(String code, @QueryValue @Nullable String agency);

    /** The service's OpenAPI 3 document (anonymous on the service; built at compile time). */
    @Get(value = "/openapi/indicators-service.json", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<String>> openApiDocument();

    @Get("/api/v1/indicators/{code}/targets")
    CompletableFuture<HttpResponse<List<Figure>>> targets(String code);

    @Get("/api/v1/indicators/{code}/baselines")
    CompletableFuture<HttpResponse<List<Figure>>> baselines(String code);

    @Get("/api/v1/indicators/{code}/benchmarks")
    CompletableFuture<HttpResponse<List<Figure>>> benchmarks(String code);

    /** One agency's value for a period. */
    @Get("/api/v1/indicators/{code}/values/{period}{?agency}")
    CompletableFuture<HttpResponse<Value>> value(String code, String period, @QueryValue String agency);

    @Put("/api/v1/indicators/{code}/values/{period}")
    CompletableFuture<HttpResponse<Value>> saveValue(String code, String period, @Body ValueRequest value);

    /** A step of the value's approval: {@code submit}, {@code approve} or {@code return}. */
    @Post("/api/v1/indicators/{code}/values/{period}/{step}")
    CompletableFuture<HttpResponse<Value>> decide(String code, String period, String step, @Body Decision decision);

    /** The scorecard, optionally one agency's, one priority's or as at one period. */
    @Get("/api/v1/scorecard{?agency,priority,period}")
    CompletableFuture<HttpResponse<List<ScorecardRow>>> scorecard(@QueryValue @Nullable String agency, @QueryValue @Nullable Integer priority,
                                                                  @QueryValue @Nullable String period);

    /** Who owes what for a period. */
    @Get("/api/v1/submissions{?period}")
    CompletableFuture<HttpResponse<Submissions>> submissions(@QueryValue String period);

    /** How many submitted values wait for the manager's decision, in every period (manager only). */
    @Get("/api/v1/submissions/waiting")
    CompletableFuture<HttpResponse<Waiting>> waiting();

    /** The count of values waiting for a decision. */
    @Serdeable
    record Waiting(long waiting) {
    }

    @Post("/api/v1/indicators")
    CompletableFuture<HttpResponse<Indicator>> define(@Body Definition definition);

    @Put("/api/v1/indicators/{code}")
    CompletableFuture<HttpResponse<Indicator>> redefine(String code, @Body Definition definition);

    /** Sets a target or baseline ({@code kind} is {@code targets} or {@code baselines}). */
    @Put("/api/v1/indicators/{code}/{kind}/{period}")
    CompletableFuture<HttpResponse<Figure>> setFigure(String code, String kind, String period, @Body FigureValue value);

    @Put("/api/v1/indicators/{code}/benchmarks/{period}/{comparator}")
    CompletableFuture<HttpResponse<Figure>> setBenchmark(String code, String period, String comparator, @Body FigureValue value);

    /** Removes a target or baseline ({@code kind} is {@code targets} or {@code baselines}). */
    @Delete("/api/v1/indicators/{code}/{kind}/{period}")
    CompletableFuture<HttpResponse<Void>> removeFigure(String code, String kind, String period);

    @Delete("/api/v1/indicators/{code}/benchmarks/{period}/{comparator}")
    CompletableFuture<HttpResponse<Void>> removeBenchmark(String code, String period, String comparator);

    // ---- how we compare (issue 16) ------------------------------------------------------------------

    /** How the indicator's published figure for a period compares with England, the region and the neighbours. */
    @Get("/api/v1/indicators/{code}/comparison{?period}")
    CompletableFuture<HttpResponse<Comparison>> comparison(String code, @QueryValue @Nullable String period);

    /** Every period with published figures, oldest first: the chart over time. */
    @Get("/api/v1/indicators/{code}/comparison/series")
    CompletableFuture<HttpResponse<List<Comparison>>> comparisonSeries(String code);

    /**
     * The place and every mapped indicator at its latest published period, or at {@code period} when one
     * is given (the board's and the report's period: a line whose period differs is not that period's).
     */
    @Get("/api/v1/benchmarks{?period}")
    CompletableFuture<HttpResponse<BenchmarkSummary>> benchmarkSummary(@QueryValue @Nullable String period);

    @Get("/api/v1/benchmarks/place")
    CompletableFuture<HttpResponse<Place>> place();

    /** Sets the local authority and neighbour model (manager; {@code version} as read, 409 when changed meanwhile). */
    @Put("/api/v1/benchmarks/place")
    CompletableFuture<HttpResponse<Place>> setPlace(@Body PlaceRequest place);

    /** Every indicator's mapping to published statistics. */
    @Get("/api/v1/benchmarks/mappings")
    CompletableFuture<HttpResponse<List<BenchmarkMapping>>> mappings();

    @Get("/api/v1/benchmarks/mappings/{code}")
    CompletableFuture<HttpResponse<BenchmarkMapping>> mapping(String code);

    @Put("/api/v1/benchmarks/mappings/{code}")
    CompletableFuture<HttpResponse<BenchmarkMapping>> map(String code, @Body MappingRequest mapping);

    /**
     * An EES tidy CSV for one indicator: checked only ({@code dryRun=true}) or imported, all or nothing;
     * each filter ("column:value") is its own {@code filter=} parameter. The file goes as it came, in UTF-8.
     */
    @Post(value = "/api/v1/benchmarks/import", produces = "text/csv", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportResult>> importEes(@QueryValue String format, @QueryValue String indicator,
                                                            @QueryValue String measure, @QueryValue @Format("MULTI") @Nullable List<String> filter,
                                                            @QueryValue boolean dryRun, @QueryValue @Nullable String fileName,
                                                            @Body byte[] csv);

    /** New versions of mapped EES data sets, staged and decided, newest first. */
    @Get("/api/v1/benchmarks/staged")
    CompletableFuture<HttpResponse<List<StagedVersion>>> stagedVersions();

    /** Checks every mapped data set for a new version now, as the schedule does (manager). */
    @Post("/api/v1/benchmarks/staged/check")
    CompletableFuture<HttpResponse<StagedCheck>> checkForNewVersions();

    /** Imports a staged version (manager): the answer of an import; 400 with its errors, 409 once decided. */
    @Post("/api/v1/benchmarks/staged/{id}/approve")
    CompletableFuture<HttpResponse<ImportResult>> approveStaged(long id);

    /** Discards a staged version (manager); 409 once decided. */
    @Post("/api/v1/benchmarks/staged/{id}/discard")
    CompletableFuture<HttpResponse<StagedVersion>> discardStaged(long id);

    /** The place as the manager's form sends it: {@code {"laCode":"931","neighbourModel":"2025","version":3}}. */
    @Serdeable
    record PlaceRequest(String laCode, String neighbourModel, @Nullable Long version) {
    }

    /** A mapping as the manager's form sends it ({@code version} to change an existing one). */
    @Serdeable
    record MappingRequest(String measure, List<String> filters, @Nullable String dataSetId, @Nullable Boolean countToRate,
                          @Nullable String targetFrom, @Nullable Long version) {
    }

    /** An indicator's definition as the admin form sends it ({@code version} only when changing one). */
    @Serdeable
    record Definition(@Nullable String code, @Nullable String title, @Nullable String description, @Nullable String unit,
                      @Nullable String polarity, @Nullable String frequency, @Nullable String ownerAgency, @Nullable Integer priority,
                      @Nullable BigDecimal tolerancePercent, @Nullable String numeratorLabel, @Nullable String denominatorLabel,
                      @Nullable String population, boolean published, boolean active, @Nullable Long version) {

        public Definition withCode(String newCode, @Nullable Long newVersion) {
            return new Definition(newCode, title, description, unit, polarity, frequency, ownerAgency, priority, tolerancePercent,
                    numeratorLabel, denominatorLabel, population, published, active, newVersion);
        }
    }

    /** A target's, baseline's or benchmark's value. */
    @Serdeable
    record FigureValue(BigDecimal value) {
    }

    /** A value as the value form sends it. */
    @Serdeable
    record ValueRequest(String agency, @Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator,
                        @Nullable String comment, @Nullable Long version) {
    }

    /** Submitting, approving or returning a value ({@code reason} only for a return). */
    @Serdeable
    record Decision(String agency, @Nullable Long version, @Nullable String reason) {
    }
}
