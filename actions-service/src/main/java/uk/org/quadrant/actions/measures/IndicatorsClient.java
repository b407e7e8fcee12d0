package uk.org.quadrant.actions.measures;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * indicators-service, called with the signed-in user's token (so it applies that user's visibility).
 * URL and timeouts from {@code micronaut.http.services.indicators}.
 */
@Client(id = "indicators")
public interface IndicatorsClient {

    /** The latest value of every indicator the user may see: one call for any number of actions. */
    @Get("/api/v1/scorecard")
    List<LatestValue> scorecard(@Header("Authorization") String authorization);

    @Get("/api/v1/indicators/{code}")
    HttpResponse<IndicatorRef> indicator(@Header("Authorization") String authorization, @PathVariable String code);

    @Serdeable
    record LatestValue(String code, @Nullable String period, @Nullable String periodLabel, @Nullable BigDecimal value,
                       @Nullable String status) {
    }

    @Serdeable
    record IndicatorRef(String code, String title, String unit) {
    }
}
