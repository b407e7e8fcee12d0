package uk.org.quadrant.actions.measures;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.actions.domain.MeasureStatus;

import java.math.BigDecimal;

/** The live state of an action's measurable criterion. */
@Serdeable
public record Measure(MeasureStatus status, @Nullable BigDecimal latestValue, @Nullable String latestPeriod,
                      @Nullable String latestPeriodLabel) {

    public static final Measure UNAVAILABLE = new Measure(MeasureStatus.UNAVAILABLE, null, null, null);
}
