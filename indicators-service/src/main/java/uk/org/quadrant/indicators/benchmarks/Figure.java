package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One published figure of an indicator: a period and a geography ({@code NATIONAL}, {@code REGIONAL},
 * {@code LA}) with its code and name, the figure or the code the publisher wrote instead
 * ({@code suppressed}), the count a rate was computed from, and the import it came in.
 */
record Figure(String period, String level, String geoCode, @Nullable String geoName, @Nullable String regionCode,
              @Nullable BigDecimal amount, @Nullable String suppressed, @Nullable BigDecimal numerator, long importId) {

    static final String NATIONAL = "NATIONAL";
    static final String REGIONAL = "REGIONAL";
    static final String LA = "LA";

    String key() {
        return period + "/" + geoCode;
    }

    /** The same published content (the import it came in aside). */
    boolean sameAs(Figure other) {
        return other != null && Objects.equals(suppressed, other.suppressed)
                && (amount == null ? other.amount == null : other.amount != null && amount.compareTo(other.amount) == 0);
    }

    Figure inImport(long id) {
        return new Figure(period, level, geoCode, geoName, regionCode, amount, suppressed, numerator, id);
    }
}
