package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Percentages and rates per 10,000: scale 4, half-up, trailing zeros stripped. */
class RatesTest {

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void percentFromNumeratorAndDenominator() {
        BigDecimal p = Rates.compute(Unit.PERCENT, d("149"), d("773"));
        assertEquals("19.2755", p.toPlainString()); // 19.275549805...
        assertEquals("19.3", p.setScale(1, RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void ratePer10k() {
        // 100 children / 141,800 population × 10,000 = 7.052186...
        assertEquals("7.0522", Rates.compute(Unit.RATE_PER_10K, d("100"), d("141800")).toPlainString());
    }

    @ParameterizedTest(name = "{0}: {1}/{2} = {3}")
    @CsvSource({
            "PERCENT,      1,     3,      33.3333",
            "PERCENT,      2,     3,      66.6667",   // half-up at the 4th place
            "PERCENT,      1,     8,      12.5",      // trailing zeros stripped
            "PERCENT,      0,     773,    0",
            "PERCENT,      773,   773,    100",
            "PERCENT,      1,     200000, 0.0005",
            "PERCENT,      1,     400000, 0.0003",    // 0.00025 -> half-up
            "PERCENT,      1,     400001, 0.0002",    // 0.000249999... -> down
            "RATE_PER_10K, 1,     3,      3333.3333",
            "RATE_PER_10K, 1780,  141800, 125.5289",
            "RATE_PER_10K, 0,     141800, 0",
            "COUNT,        10,    4,      2.5",
            "DAYS,         7,     2,      3.5",
    })
    void compute(Unit unit, String numerator, String denominator, String expected) {
        BigDecimal r = Rates.compute(unit, d(numerator), d(denominator));
        assertEquals(0, d(expected).compareTo(r), "was " + r);
        assertEquals(true, r.scale() <= 4, "scale " + r.scale());
        assertEquals(r.stripTrailingZeros().compareTo(r), 0);
        assertTrue(r.scale() >= 0, "never exponent form: " + r);
        assertEquals(r.toPlainString(), r.toString(), "never exponent form: " + r);
        assertTrue(!r.toPlainString().contains(".") || !r.toPlainString().endsWith("0"), "trailing zeros not stripped: " + r);
    }

    @ParameterizedTest
    @EnumSource(Unit.class)
    void zeroDenominatorThrows(Unit unit) {
        assertThrows(ArithmeticException.class, () -> Rates.compute(unit, d("5"), d("0")));
        assertThrows(ArithmeticException.class, () -> Rates.compute(unit, d("5"), d("0.000")));
    }

    @Test
    void gapToBenchmark() {
        assertEquals(0, d("17").compareTo(Rates.gap(d("65"), d("48")))); // 65 vs England 48
        assertEquals(0, d("-17").compareTo(Rates.gap(d("48"), d("65"))));
        assertEquals(0, d("0").compareTo(Rates.gap(d("48.0"), d("48"))));
        assertEquals("1.5", Rates.gap(d("19.3"), d("17.80")).toPlainString());
        assertEquals("20", Rates.gap(d("70"), d("50")).toPlainString());
        assertNull(Rates.gap(null, d("48")));
        assertNull(Rates.gap(d("65"), null));
    }

    @ParameterizedTest(name = "{0} vs baseline {1} ({2}) -> {3}")
    @CsvSource({
            "65,    48, HIGHER_IS_BETTER, true",
            "48,    65, HIGHER_IS_BETTER, false",
            "48,    48, HIGHER_IS_BETTER, false",
            "48.01, 48, HIGHER_IS_BETTER, true",
            "65,    48, LOWER_IS_BETTER,  false",
            "48,    65, LOWER_IS_BETTER,  true",
            "48,    48, LOWER_IS_BETTER,  false",
            "47.99, 48, LOWER_IS_BETTER,  true",
    })
    void beatsBaseline(String value, String baseline, Polarity polarity, boolean expected) {
        assertEquals(expected, Rates.beatsBaseline(d(value), d(baseline), polarity));
    }

    @Test
    void beatsBaselineUnknown() {
        assertNull(Rates.beatsBaseline(d("65"), d("48"), Polarity.NEUTRAL));
        assertNull(Rates.beatsBaseline(d("48"), d("65"), Polarity.NEUTRAL));
        assertNull(Rates.beatsBaseline(null, d("48"), Polarity.HIGHER_IS_BETTER));
        assertNull(Rates.beatsBaseline(d("65"), null, Polarity.LOWER_IS_BETTER));
    }
}
