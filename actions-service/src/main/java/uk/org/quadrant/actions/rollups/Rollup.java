package uk.org.quadrant.actions.rollups;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** Delivery counts for one agency, priority or plan. */
@Serdeable
public record Rollup(String key, int total, int completed, int overdue, int atRisk, int onTrack, BigDecimal percentCompleted,
                     int dueInNext30Days, List<Item> overdueActions) {

    @Serdeable
    public record Item(long id, long planId, String ref, String leadAgency, String dueDate) {
    }
}
