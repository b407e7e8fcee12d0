package uk.org.quadrant.gateway.clients.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** Action counts for one agency, priority or plan ({@code key}). */
@Serdeable
public record Rollup(String key, int total, int completed, int overdue, int atRisk, int onTrack,
                     @Nullable BigDecimal percentCompleted, int dueInNext30Days, @Nullable List<Item> overdueActions) {

    /** An overdue action in brief. */
    @Serdeable
    public record Item(long id, long planId, String ref, String leadAgency, String dueDate) {
    }
}
