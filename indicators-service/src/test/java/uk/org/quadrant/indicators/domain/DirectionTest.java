package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Direction of travel (DESIGN.md): STABLE when the change is under 1 % of the previous value. */
class DirectionTest {

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} -> {1} with {2} is {3}")
    @CsvSource({
            // clear moves
            "569,  730,  HIGHER_IS_BETTER, IMPROVING",
            "730,  569,  HIGHER_IS_BETTER, WORSENING",
            "569,  730,  LOWER_IS_BETTER,  WORSENING",
            "730,  569,  LOWER_IS_BETTER,  IMPROVING",
            "569,  730,  NEUTRAL,          UP",
            "730,  569,  NEUTRAL,          DOWN",
            // no change
            "100,  100,  HIGHER_IS_BETTER, STABLE",
            "100,  100.00, LOWER_IS_BETTER, STABLE",
            "100,  100,  NEUTRAL,          STABLE",
            // 0.99 % of 100: under 1 %, so stable
            "100,  100.99, HIGHER_IS_BETTER, STABLE",
            "100,  99.01,  HIGHER_IS_BETTER, STABLE",
            "100,  100.99, LOWER_IS_BETTER,  STABLE",
            "100,  99.01,  LOWER_IS_BETTER,  STABLE",
            "100,  100.99, NEUTRAL,          STABLE",
            "100,  99.01,  NEUTRAL,          STABLE",
            // exactly 1 %: not under 1 %, so it counts as a move
            "100,  101,  HIGHER_IS_BETTER, IMPROVING",
            "100,  99,   HIGHER_IS_BETTER, WORSENING",
            "100,  101,  LOWER_IS_BETTER,  WORSENING",
            "100,  99,   LOWER_IS_BETTER,  IMPROVING",
            "100,  101,  NEUTRAL,          UP",
            "100,  99,   NEUTRAL,          DOWN",
            // 1 % of a non-round previous value: 1780 × 1 % = 17.8
            "1780, 1797.79, HIGHER_IS_BETTER, STABLE",
            "1780, 1797.8,  HIGHER_IS_BETTER, IMPROVING",
            "1780, 1762.21, HIGHER_IS_BETTER, STABLE",
            "1780, 1762.2,  HIGHER_IS_BETTER, WORSENING",
            // 1780 -> 1804 is +1.3 %: a move
            "1780, 1804, LOWER_IS_BETTER, WORSENING",
            // previous zero: any change is a move, no change is stable
            "0,    0,    HIGHER_IS_BETTER, STABLE",
            "0,    5,    HIGHER_IS_BETTER, IMPROVING",
            "0,    0.01, LOWER_IS_BETTER,  WORSENING",
            "0,    -5,   NEUTRAL,          DOWN",
            // negative previous: 1 % of |previous|
            "-100, -99.5, NEUTRAL,          STABLE",
            "-100, -99,   NEUTRAL,          UP",
            "-100, -101,  HIGHER_IS_BETTER, WORSENING",
    })
    void direction(String previous, String current, Polarity polarity, Direction expected) {
        assertEquals(expected, Direction.of(d(current), d(previous), polarity));
    }

    @ParameterizedTest
    @EnumSource(Polarity.class)
    void noPrevious(Polarity polarity) {
        assertEquals(Direction.NO_PREVIOUS, Direction.of(d("10"), null, polarity));
        assertEquals(Direction.NO_PREVIOUS, Direction.of(null, d("10"), polarity));
        assertEquals(Direction.NO_PREVIOUS, Direction.of(null, null, polarity));
    }

    @Test
    void neutralNeverImprovesOrWorsens() {
        for (String[] pair : new String[][]{{"1", "1000"}, {"1000", "1"}, {"100", "100.5"}}) {
            Direction dir = Direction.of(d(pair[1]), d(pair[0]), Polarity.NEUTRAL);
            assertEquals(true, dir == Direction.UP || dir == Direction.DOWN || dir == Direction.STABLE, dir.name());
        }
    }
}
