package uk.org.quadrant.indicators.reports;

import java.math.BigDecimal;

/** Presentation of stored decimals: no trailing zeros, no exponent. */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal clean(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
