package uk.org.quadrant.indicators.benchmarks;

import org.junit.jupiter.api.Test;
import uk.org.quadrant.indicators.domain.Frequency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The time mapping of issue 16, one line each, and the refusals naming the column at fault. */
class EesTimeTest {

    private static String period(String timePeriod, String identifier, Frequency frequency) {
        return EesTime.period(timePeriod, identifier, frequency).id();
    }

    @Test
    void theIssuesTimeMapping() {
        assertEquals("2017April", period("2018", "Reporting year", Frequency.FINANCIAL_YEAR), "the year to 31 March 2018");
        assertEquals("201803", period("2018", "Reporting year", Frequency.MONTHLY), "as at 31 March 2018");
        assertEquals("2017April", period("201718", "Financial year", Frequency.FINANCIAL_YEAR));
        assertEquals("2017Sep", period("201718", "Academic year", Frequency.ACADEMIC_YEAR));
        assertEquals("2018", period("2018", "Calendar year", Frequency.CALENDAR_YEAR));
        assertEquals("2024April", period(" 2025 ", " reporting YEAR ", Frequency.FINANCIAL_YEAR), "trimmed, any case");
        assertEquals("1999April", period("199900", "Financial year", Frequency.FINANCIAL_YEAR), "a century turned");
    }

    @Test
    void whatCannotBeMappedNamesItsColumn() {
        assertEquals("time_period", assertThrows(EesTime.Invalid.class,
                () -> EesTime.period("201719", "Financial year", Frequency.FINANCIAL_YEAR)).column());
        assertEquals("time_period", assertThrows(EesTime.Invalid.class,
                () -> EesTime.period("18", "Reporting year", Frequency.FINANCIAL_YEAR)).column());
        assertEquals("time_identifier", assertThrows(EesTime.Invalid.class,
                () -> EesTime.period("2018", "Fortnight", Frequency.FINANCIAL_YEAR)).column());
        assertEquals("time_identifier", assertThrows(EesTime.Invalid.class,
                () -> EesTime.period("201718", "Academic year", Frequency.FINANCIAL_YEAR)).column(), "another frequency");
        assertEquals("time_identifier", assertThrows(EesTime.Invalid.class,
                () -> EesTime.period("2018", "Calendar year", Frequency.FINANCIAL_YEAR)).column());
    }
}
