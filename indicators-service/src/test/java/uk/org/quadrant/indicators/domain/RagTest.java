package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RAG against a target (DESIGN.md "RAG"), boundaries exactly. */
class RagTest {

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "HIGHER_IS_BETTER value {0} target {1} tolerance {2}% -> {3}")
    @CsvSource({
            // tolerance 10 (default): amber floor 80 × 0.90 = 72
            "80,       80, 10, GREEN",
            "80.01,    80, 10, GREEN",
            "79.99,    80, 10, AMBER",
            "72,       80, 10, AMBER",
            "72.00,    80, 10, AMBER",
            "71.99,    80, 10, RED",
            "71.9999,  80, 10, RED",
            "0,        80, 10, RED",
            "500,      80, 10, GREEN",
            // tolerance 0: anything below target is red
            "80,       80, 0,  GREEN",
            "80.01,    80, 0,  GREEN",
            "79.99,    80, 0,  RED",
            "79.9999,  80, 0,  RED",
            // tolerance 25: amber floor 80 × 0.75 = 60
            "80,       80, 25, GREEN",
            "79.99,    80, 25, AMBER",
            "60,       80, 25, AMBER",
            "60.01,    80, 25, AMBER",
            "59.99,    80, 25, RED",
            // non-integer target: 19.3 × 0.9 = 17.37
            "17.37,  19.3, 10, AMBER",
            "17.369, 19.3, 10, RED",
    })
    void higherIsBetter(String value, String target, String tolerance, Rag expected) {
        assertEquals(expected, Rag.of(d(value), d(target), Polarity.HIGHER_IS_BETTER, d(tolerance)));
    }

    @ParameterizedTest(name = "LOWER_IS_BETTER value {0} target {1} tolerance {2}% -> {3}")
    @CsvSource({
            // tolerance 10 (default): amber ceiling 80 × 1.10 = 88
            "80,       80, 10, GREEN",
            "79.99,    80, 10, GREEN",
            "0,        80, 10, GREEN",
            "80.01,    80, 10, AMBER",
            "88,       80, 10, AMBER",
            "88.00,    80, 10, AMBER",
            "88.01,    80, 10, RED",
            "88.0001,  80, 10, RED",
            // tolerance 0: anything above target is red
            "80,       80, 0,  GREEN",
            "79.99,    80, 0,  GREEN",
            "80.01,    80, 0,  RED",
            "80.0001,  80, 0,  RED",
            // tolerance 25: amber ceiling 80 × 1.25 = 100
            "80,       80, 25, GREEN",
            "80.01,    80, 25, AMBER",
            "100,      80, 25, AMBER",
            "99.99,    80, 25, AMBER",
            "100.01,   80, 25, RED",
            // non-integer target: 19.3 × 1.1 = 21.23
            "21.23,  19.3, 10, AMBER",
            "21.231, 19.3, 10, RED",
    })
    void lowerIsBetter(String value, String target, String tolerance, Rag expected) {
        assertEquals(expected, Rag.of(d(value), d(target), Polarity.LOWER_IS_BETTER, d(tolerance)));
    }

    @ParameterizedTest
    @EnumSource(Polarity.class)
    void noTargetIsDataOnly(Polarity polarity) {
        assertEquals(Rag.DATA_ONLY, Rag.of(d("80"), null, polarity, d("10")));
    }

    @ParameterizedTest
    @EnumSource(Polarity.class)
    void noValueIsDataOnly(Polarity polarity) {
        assertEquals(Rag.DATA_ONLY, Rag.of(null, d("80"), polarity, d("10")));
        assertEquals(Rag.DATA_ONLY, Rag.of(null, null, polarity, d("10")));
    }

    @ParameterizedTest(name = "NEUTRAL value {0} target {1} tolerance {2} -> DATA_ONLY")
    @CsvSource({
            "80,     80, 10",
            "79.99,  80, 10",
            "0,      80, 10",
            "1000,   80, 10",
            "71.99,  80, 0",
            "100.01, 80, 25",
    })
    void neutralIsAlwaysDataOnly(String value, String target, String tolerance) {
        assertEquals(Rag.DATA_ONLY, Rag.of(d(value), d(target), Polarity.NEUTRAL, d(tolerance)));
    }

    @Test
    void zeroTargetLowerIsBetter() {
        assertEquals(Rag.GREEN, Rag.of(d("0"), d("0"), Polarity.LOWER_IS_BETTER, d("10")));
        assertEquals(Rag.RED, Rag.of(d("0.01"), d("0"), Polarity.LOWER_IS_BETTER, d("10")));
    }

    @Test
    void fractionalTolerance() {
        // 12.5 %: 80 × 0.875 = 70
        assertEquals(Rag.AMBER, Rag.of(d("70"), d("80"), Polarity.HIGHER_IS_BETTER, d("12.5")));
        assertEquals(Rag.RED, Rag.of(d("69.99"), d("80"), Polarity.HIGHER_IS_BETTER, d("12.5")));
    }
}
