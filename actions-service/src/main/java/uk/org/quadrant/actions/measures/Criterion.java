package uk.org.quadrant.actions.measures;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * An action's measurable criterion, as {@link SuccessMeasures} evaluates it: the latest value of
 * {@code indicator} against {@code target} by {@code comparator}. Not measurable without an indicator.
 */
public record Criterion(long actionId, @Nullable String indicator, @Nullable String comparator, @Nullable BigDecimal target) {
}
