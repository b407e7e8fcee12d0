package uk.org.quadrant.indicators.domain;

import java.math.BigDecimal;

/** Red/amber/green against the target for the value's period (DESIGN.md "RAG"). */
public enum Rag {
    GREEN,
    AMBER,
    RED,
    DATA_ONLY;

    /**
     * @param value            the value (null: no value, so {@code DATA_ONLY})
     * @param target           the target for the same period (null: no target, so {@code DATA_ONLY})
     * @param polarity         which way is good ({@code NEUTRAL}: always {@code DATA_ONLY})
     * @param tolerancePercent how far the wrong side of the target is still amber, e.g. 10 for 10 %
     */
    public static Rag of(BigDecimal value, BigDecimal target, Polarity polarity, BigDecimal tolerancePercent) {
        if (value == null || target == null || polarity == Polarity.NEUTRAL) {
            return DATA_ONLY;
        }
        BigDecimal tolerance = tolerancePercent.movePointLeft(2);
        if (polarity == Polarity.HIGHER_IS_BETTER) {
            if (value.compareTo(target) >= 0) {
                return GREEN;
            }
            return value.compareTo(target.multiply(BigDecimal.ONE.subtract(tolerance))) >= 0 ? AMBER : RED;
        }
        if (value.compareTo(target) <= 0) {
            return GREEN;
        }
        return value.compareTo(target.multiply(BigDecimal.ONE.add(tolerance))) <= 0 ? AMBER : RED;
    }
}
