package uk.org.quadrant.actions.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

/**
 * audits-service, called with the signed-in user's own token so that it applies its own rules: it
 * states a recommendation only to a caller who may send it. URL and timeouts from
 * {@code micronaut.http.services.audits}; no retries.
 */
@Client(id = "audits")
public interface AuditsClient {

    /** 200 with the recommendation; 404 unseen or unknown, 403 not the caller's to send, 409 not a recommendation. */
    @Get("/api/v1/findings/{id}/recommendation")
    HttpResponse<VouchedRecommendation> recommendation(@Header("Authorization") String authorization, @PathVariable long id);

    /** audits-service's statement of a recommendation (its {@code findings.Recommendation}). */
    @Serdeable
    record VouchedRecommendation(long findingId, @Nullable String sourceRef, @Nullable String planSourceType,
                                 @Nullable String planSourceRef, @Nullable String planTitle, @Nullable String issue,
                                 @Nullable String action, @Nullable String leadAgency) {
    }
}
