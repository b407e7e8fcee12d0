package uk.org.quadrant.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Change between two values: {@code change = to − from}; {@code percent = change / |from| × 100}, rounded
 * once to one decimal place, half-up ({@code null} when {@code from} is zero). Dividing by |from|
 * keeps the sign meaning "went up" even for negative values.
 * 569 → 730 is +161, +28.3 %.
 */
public record Change(BigDecimal change, BigDecimal percent) {

    public static final Change NONE = new Change(null, null);

    public static Change between(BigDecimal from, BigDecimal to) {
        if (from == null || to == null) {
            return NONE;
        }
        BigDecimal change = Rates.clean(to.subtract(from));
        if (from.signum() == 0) {
            return new Change(change, null);
        }
        BigDecimal percent = to.subtract(from).multiply(BigDecimal.valueOf(100))
                .divide(from.abs(), 1, RoundingMode.HALF_UP);
        return new Change(change, percent);
    }
}
