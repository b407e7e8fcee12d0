package uk.org.quadrant.actions.plans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.actions.domain.SourceType;

import java.time.LocalDate;
import java.util.List;

@Serdeable
public record PlanView(long id, String title, SourceType sourceType, @Nullable String sourceRef, @Nullable String owner,
                       @Nullable LocalDate startDate, long version, List<ActionView> actions) {
}
