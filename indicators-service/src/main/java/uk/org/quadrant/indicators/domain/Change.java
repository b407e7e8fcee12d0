package uk.org.quadrant.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Change between two values: {@code change = to − from}; {@code percent = change / from × 100} to one
 * decimal place, half-up ({@code null} when {@code from} is zero or either value is missing).
 * 569 → 730 is +161, +28.3 %.
 */
public record Change(BigDecimal change, BigDecimal percent) {

    public static final Change NONE = new Change(null, null);

    public static Change between(BigDecimal from, BigDecimal to) {
        if (from == null || to == null) {
            return NONE;
        }
        BigDecimal change = to.subtract(from).stripTrailingZeros();
        if (change.scale() < 0) {
            change = change.setScale(0);
        }
        if (from.signum() == 0) {
            return new Change(change, null);
        }
        BigDecimal percent = to.subtract(from).multiply(BigDecimal.valueOf(100))
                .divide(from.abs(), 10, RoundingMode.HALF_UP)
                .setScale(1, RoundingMode.HALF_UP);
        return new Change(change, percent);
    }
}
