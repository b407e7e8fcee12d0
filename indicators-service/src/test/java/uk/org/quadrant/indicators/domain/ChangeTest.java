package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** change = current − previous; change % = change / previous × 100, one decimal place, half-up. */
class ChangeTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static String plain(BigDecimal b) {
        return b == null ? null : b.toPlainString();
    }

    @ParameterizedTest(name = "{0} -> {1}: change {2}, {3} %")
    @CsvSource({
            // the seeds' figures
            "569,  730,  161,  28.3",
            "542,  660,  118,  21.8",
            "6128, 6794, 666,  10.9",
            "1780, 1804, 24,   1.3",
            "170,  106,  -64,  -37.6",
            "667,  691,  24,   3.6",
            "607,  730,  123,  20.3",
            // no change
            "100,  100,  0,    0.0",
            // half-up at the first decimal: 0.05 % -> 0.1, 0.04 % -> 0.0
            "1000, 1000.5, 0.5,  0.1",
            "1000, 1000.4, 0.4,  0.0",
            "1000, 999.5,  -0.5, -0.1",
            "1000, 999.6,  -0.4, 0.0",
            // .x5 rounds up, .x4999 rounds down
            "200,  200.25,   0.25,   0.1",
            "1000, 1012.35,  12.35,  1.2",
            "1000, 1012.5,   12.5,   1.3",
            "1000, 1012.4999, 12.4999, 1.2",
            // percentages and rates as values
            "19.3, 21.5,  2.2,  11.4",
            "48,   65,    17,   35.4",
            // negative values: percent is relative to |previous| so the sign follows the change
            "-10,  -5,   5,    50.0",
            "-10,  -15,  -5,   -50.0",
            "10,   -5,   -15,  -150.0",
            "-5,   10,   15,   300.0",
    })
    void change(String from, String to, String change, String percent) {
        Change c = Change.between(d(from), d(to));
        assertEquals(0, d(change).compareTo(c.change()), "change was " + c.change());
        assertEquals(percent, plain(c.percent()));
    }

    @Test
    void changeIsPlainWholeNumberForIntegers() {
        assertEquals("161", plain(Change.between(d("569"), d("730")).change()));
        assertEquals("100", plain(Change.between(d("100"), d("200")).change()));
        assertEquals(0, Change.between(d("100"), d("200")).change().scale());
        assertEquals("0.5", plain(Change.between(d("1000.00"), d("1000.50")).change()));
    }

    @Test
    void percentHasOneDecimalPlace() {
        assertEquals(1, Change.between(d("569"), d("730")).percent().scale());
        assertEquals(1, Change.between(d("100"), d("200")).percent().scale());
        assertEquals("100.0", plain(Change.between(d("100"), d("200")).percent()));
    }

    @Test
    void fromZeroHasNoPercent() {
        Change c = Change.between(d("0"), d("5"));
        assertEquals(0, d("5").compareTo(c.change()));
        assertNull(c.percent());
        Change zero = Change.between(d("0.00"), d("0"));
        assertEquals(0, BigDecimal.ZERO.compareTo(zero.change()));
        assertNull(zero.percent());
        Change down = Change.between(d("0"), d("-3"));
        assertEquals(0, d("-3").compareTo(down.change()));
        assertNull(down.percent());
    }

    @Test
    void missingValueIsNone() {
        assertSame(Change.NONE, Change.between(null, d("5")));
        assertSame(Change.NONE, Change.between(d("5"), null));
        assertSame(Change.NONE, Change.between(null, null));
        assertNull(Change.NONE.change());
        assertNull(Change.NONE.percent());
    }

    /**
     * The exact change % here is 100 × 1,000,000 / 2,000,000,001 = 0.0499999999750…, which is 0.0 to one
     * decimal half-up. Change.between first rounds to 10 places (0.0500000000) and then to 1 (0.1):
     * double rounding.
     */
    @Test
    void percentIsRoundedOnceNotTwice() {
        assertEquals("0.0", plain(Change.between(d("2000000001"), d("2001000001")).percent()));
        assertEquals("0.0", plain(Change.between(d("2000000001"), d("1999000001")).percent()));
    }
}
