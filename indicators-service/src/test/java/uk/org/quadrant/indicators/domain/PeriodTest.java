package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DHIS2-style period identifiers plus Quadrant's financial-year quarters (e.g. 2017AprilQ1). */
class PeriodTest {

    private static Period p(String id) {
        return Period.parse(id).orElseThrow(() -> new AssertionError("did not parse: " + id));
    }

    @ParameterizedTest(name = "{0} is {1} {2}..{3} \"{4}\"")
    @CsvSource({
            "2018,        CALENDAR_YEAR,     2018-01-01, 2018-12-31, 2018",
            "2017April,   FINANCIAL_YEAR,    2017-04-01, 2018-03-31, 2017/18",
            "1999April,   FINANCIAL_YEAR,    1999-04-01, 2000-03-31, 1999/00",
            "2016Sep,     ACADEMIC_YEAR,     2016-09-01, 2017-08-31, 2016/17",
            "2018Q1,      CALENDAR_QUARTER,  2018-01-01, 2018-03-31, 2018 Q1",
            "2018Q2,      CALENDAR_QUARTER,  2018-04-01, 2018-06-30, 2018 Q2",
            "2018Q3,      CALENDAR_QUARTER,  2018-07-01, 2018-09-30, 2018 Q3",
            "2018Q4,      CALENDAR_QUARTER,  2018-10-01, 2018-12-31, 2018 Q4",
            "201803,      MONTHLY,           2018-03-01, 2018-03-31, March 2018",
            "201801,      MONTHLY,           2018-01-01, 2018-01-31, January 2018",
            "201612,      MONTHLY,           2016-12-01, 2016-12-31, December 2016",
            "201602,      MONTHLY,           2016-02-01, 2016-02-29, February 2016",
            "201802,      MONTHLY,           2018-02-01, 2018-02-28, February 2018",
            "2017AprilQ1, FINANCIAL_QUARTER, 2017-04-01, 2017-06-30, Q1 2017/18",
            "2017AprilQ2, FINANCIAL_QUARTER, 2017-07-01, 2017-09-30, Q2 2017/18",
            "2017AprilQ3, FINANCIAL_QUARTER, 2017-10-01, 2017-12-31, Q3 2017/18",
            "2017AprilQ4, FINANCIAL_QUARTER, 2018-01-01, 2018-03-31, Q4 2017/18",
            "1900,        CALENDAR_YEAR,     1900-01-01, 1900-12-31, 1900",
            "2200,        CALENDAR_YEAR,     2200-01-01, 2200-12-31, 2200",
    })
    void parse(String id, Frequency frequency, LocalDate start, LocalDate end, String label) {
        Period period = p(id);
        assertEquals(id, period.id());
        assertEquals(id, period.toString());
        assertEquals(frequency, period.frequency());
        assertEquals(start, period.start());
        assertEquals(end, period.end());
        assertEquals(label, period.label());
        assertEquals(Optional.of(period), Period.parse(id, frequency));
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource({
            "2018,        MONTHLY",
            "2018,        FINANCIAL_YEAR",
            "201803,      CALENDAR_YEAR",
            "2018Q1,      FINANCIAL_QUARTER",
            "2017AprilQ1, CALENDAR_QUARTER",
            "2017AprilQ1, FINANCIAL_YEAR",
            "2017April,   ACADEMIC_YEAR",
            "2016Sep,     FINANCIAL_YEAR",
    })
    void mismatchedFrequencyRejected(String id, Frequency frequency) {
        assertTrue(Period.parse(id).isPresent());
        assertEquals(Optional.empty(), Period.parse(id, frequency));
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
            "201813", "201800", "2018Q5", "2018Q0", "2017Apr", "2017april", "2017AprilQ5", "2017AprilQ0",
            "2016September", "2016Sept", "abcd", "1899", "189912", "1899Q4", "1899April", "2201", "220101",
            "18", "20180", "2018-03", "2018 Q1", " 2018", "2018 ", "2018q1", "Q12018", "-2018",
            "2017AprilQ1X", "20180301",
            "2017AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1AprilQ1",
            "201820182018201820182018201820182018201820182018201820182018201820182018201820182018201820182018",
    })
    void invalid(String id) {
        assertEquals(Optional.empty(), Period.parse(id));
        for (Frequency f : Frequency.values()) {
            assertEquals(Optional.empty(), Period.parse(id, f));
        }
    }

    @ParameterizedTest(name = "{0} <- {1} -> {2}")
    @CsvSource({
            "201712,      201801,      201802",
            "201711,      201712,      201801",
            "201802,      201803,      201804",
            "2017,        2018,        2019",
            "2017Q4,      2018Q1,      2018Q2",
            "2018Q3,      2018Q4,      2019Q1",
            "2016AprilQ4, 2017AprilQ1, 2017AprilQ2",
            "2017AprilQ1, 2017AprilQ2, 2017AprilQ3",
            "2017AprilQ2, 2017AprilQ3, 2017AprilQ4",
            "2017AprilQ3, 2017AprilQ4, 2018AprilQ1",
            "2016April,   2017April,   2018April",
            "2015Sep,     2016Sep,     2017Sep",
            "1999April,   2000April,   2001April",
    })
    void previousAndNext(String previous, String id, String next) {
        Period period = p(id);
        assertEquals(p(previous), period.previous());
        assertEquals(p(next), period.next());
        assertEquals(period, period.previous().next());
        assertEquals(period, period.next().previous());
        assertEquals(period.frequency(), period.previous().frequency());
        assertEquals(period.frequency(), period.next().frequency());
        // adjacent: the previous one ends the day before this one starts
        assertEquals(period.start().minusDays(1), period.previous().end());
        assertEquals(period.end().plusDays(1), period.next().start());
    }

    @Test
    void walkingAFewYearsStaysContiguous() {
        for (String first : new String[]{"201501", "2015", "2015Q1", "2015AprilQ1", "2015April", "2015Sep"}) {
            Period period = p(first);
            for (int i = 0; i < 30; i++) {
                Period next = period.next();
                assertEquals(period.end().plusDays(1), next.start(), period + " -> " + next);
                assertTrue(period.compareTo(next) < 0);
                assertTrue(period.id().compareTo(next.id()) < 0, period + " vs " + next + " as strings");
                period = next;
            }
        }
    }

    @Test
    void orderingByStartThenEnd() {
        assertTrue(p("2017AprilQ1").compareTo(p("2017April")) < 0); // same start, ends first
        assertTrue(p("2017April").compareTo(p("2017AprilQ1")) > 0);
        assertTrue(p("201801").compareTo(p("2018Q1")) < 0);
        assertTrue(p("2018Q1").compareTo(p("2018")) < 0);
        assertTrue(p("2016Sep").compareTo(p("2017April")) < 0);
        // same dates, different identifiers: ordered consistently with equals, never "the same"
        assertTrue(p("2017AprilQ4").compareTo(p("2018Q1")) != 0);
        assertEquals(-Integer.signum(p("2017AprilQ4").compareTo(p("2018Q1"))), Integer.signum(p("2018Q1").compareTo(p("2017AprilQ4"))));
        assertEquals(0, p("2018").compareTo(p("2018")));
    }

    @Test
    void idsOfOneFrequencySortAsStrings() {
        String[][] byFrequency = {
                {"201611", "201612", "201701", "201702", "201710", "201711", "201712", "201801", "201803"},
                {"2016Q4", "2017Q1", "2017Q2", "2017Q3", "2017Q4", "2018Q1"},
                {"2016AprilQ3", "2016AprilQ4", "2017AprilQ1", "2017AprilQ2", "2017AprilQ3", "2017AprilQ4", "2018AprilQ1"},
                {"2015April", "2016April", "2017April", "2018April"},
                {"2015Sep", "2016Sep", "2017Sep"},
                {"1999", "2000", "2016", "2017", "2018"},
        };
        for (String[] ids : byFrequency) {
            List<String> shuffledIds = new ArrayList<>(List.of(ids));
            Collections.reverse(shuffledIds);
            List<Period> periods = new ArrayList<>();
            for (String id : shuffledIds) {
                periods.add(p(id));
            }
            Collections.sort(periods);
            Collections.sort(shuffledIds);
            assertEquals(List.of(ids), shuffledIds);
            assertEquals(List.of(ids), periods.stream().map(Period::id).toList());
        }
    }

    @ParameterizedTest(name = "{0} uses population of {1}")
    @CsvSource({
            "2018,        2018",
            "2017April,   2017",
            "2016Sep,     2016",
            "2018Q1,      2018",
            "201803,      2018",
            "201712,      2017",
            "2017AprilQ1, 2017",
            "2017AprilQ3, 2017",
            "2017AprilQ4, 2018", // documented as "the year it starts": Jan–Mar 2018
    })
    void populationYear(String id, int year) {
        assertEquals(year, p(id).populationYear());
    }
}
