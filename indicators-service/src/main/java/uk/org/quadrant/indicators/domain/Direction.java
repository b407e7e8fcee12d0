package uk.org.quadrant.indicators.domain;

import java.math.BigDecimal;

/**
 * Direction of travel against the previous period of the same frequency (DESIGN.md).
 * {@code IMPROVING}/{@code WORSENING} by polarity; {@code UP}/{@code DOWN} for neutral measures;
 * {@code STABLE} when the change is under 1 % of the previous value; {@code NO_PREVIOUS} without one.
 */
public enum Direction {
    IMPROVING,
    WORSENING,
    UP,
    DOWN,
    STABLE,
    NO_PREVIOUS;

    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");

    public static Direction of(BigDecimal current, BigDecimal previous, Polarity polarity) {
        if (current == null || previous == null) {
            return NO_PREVIOUS;
        }
        BigDecimal change = current.subtract(previous);
        if (change.signum() == 0 || change.abs().compareTo(previous.abs().multiply(ONE_PERCENT)) < 0) {
            return STABLE;
        }
        boolean up = change.signum() > 0;
        return switch (polarity) {
            case NEUTRAL -> up ? UP : DOWN;
            case HIGHER_IS_BETTER -> up ? IMPROVING : WORSENING;
            case LOWER_IS_BETTER -> up ? WORSENING : IMPROVING;
        };
    }
}
