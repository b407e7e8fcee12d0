package uk.org.quadrant.audits.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * actions-service, called with the signed-in user's own token so it applies its own rules.
 * Its URL and timeouts come from {@code micronaut.http.services.actions}; no retries: the call is a
 * write, and it is idempotent on {@code sourceRef} so the user can safely send again.
 */
@Client(id = "actions")
public interface ActionsClient {

    @Post("/api/v1/actions/from-recommendation")
    HttpResponse<CreatedAction> fromRecommendation(@Header("Authorization") String authorization, @Body Recommendation body);

    @Serdeable
    record Recommendation(String sourceRef, String planSourceType, String planSourceRef, String planTitle, String issue,
                          String action, String leadAgency, @Nullable String leadRole, @Nullable LocalDate dueDate,
                          @Nullable Integer priority) {
    }

    @Serdeable
    record CreatedAction(long id, long planId, String ref, String status, String delivery) {
    }
}
