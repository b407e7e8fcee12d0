package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An action plan ({@code /api/v1/plans}); {@code actions} only on the single plan. */
@Serdeable
public record Plan(long id, String title, String sourceType, @Nullable String sourceRef, @Nullable String owner,
                   @Nullable String startDate, long version, @Nullable List<Action> actions) {
}
