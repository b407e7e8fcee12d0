package uk.org.quadrant.gateway.downstream.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * indicators-service as the gateway reads it. URL and timeouts from
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

    @Get("/api/v1/indicators/{code}/targets")
    CompletableFuture<HttpResponse<List<Figure>>> targets(String code);

    @Get("/api/v1/indicators/{code}/baselines")
    CompletableFuture<HttpResponse<List<Figure>>> baselines(String code);

    @Get("/api/v1/indicators/{code}/benchmarks")
    CompletableFuture<HttpResponse<List<Figure>>> benchmarks(String code);
}
