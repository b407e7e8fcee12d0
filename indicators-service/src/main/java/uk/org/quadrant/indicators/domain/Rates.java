package uk.org.quadrant.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Values computed from a numerator and denominator: percentages and rates per 10,000. */
public final class Rates {

    private static final int SCALE = 4;

    private Rates() {
    }

    /** numerator / denominator × 100, or × 10,000 for a rate; other units take no computation. */
    public static BigDecimal compute(Unit unit, BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        BigDecimal factor = switch (unit) {
            case PERCENT -> BigDecimal.valueOf(100);
            case RATE_PER_10K -> BigDecimal.valueOf(10_000);
            default -> BigDecimal.ONE;
        };
        return clean(numerator.multiply(factor).divide(denominator, SCALE, RoundingMode.HALF_UP));
    }

    /** How far a value is from a benchmark, in the value's unit (positive: above it). */
    public static BigDecimal gap(BigDecimal value, BigDecimal benchmark) {
        if (value == null || benchmark == null) {
            return null;
        }
        return clean(value.subtract(benchmark));
    }

    /** Trailing zeros stripped, never in exponent form (100, not 1E+2). */
    public static BigDecimal clean(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Whether the value is better than the baseline, by polarity; null when it cannot be said. */
    public static Boolean beatsBaseline(BigDecimal value, BigDecimal baseline, Polarity polarity) {
        if (value == null || baseline == null || polarity == Polarity.NEUTRAL) {
            return null;
        }
        int cmp = value.compareTo(baseline);
        return polarity == Polarity.HIGHER_IS_BETTER ? cmp > 0 : cmp < 0;
    }
}
