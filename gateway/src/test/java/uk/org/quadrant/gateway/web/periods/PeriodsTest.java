package uk.org.quadrant.gateway.web.periods;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The period rules of the gateway's forms and task list: what is due on a date, and labels. */
class PeriodsTest {

    @Test
    void theLastCompletedPeriodOfEachFrequencyIsDue() {
        assertEquals(Map.of(
                "MONTHLY", "201804",
                "FINANCIAL_QUARTER", "2017AprilQ4",
                "FINANCIAL_YEAR", "2017April",
                "ACADEMIC_YEAR", "2016Sep",
                "CALENDAR_YEAR", "2017",
                "CALENDAR_QUARTER", "2018Q1"), Periods.due(LocalDate.of(2018, 5, 15)));
        // On the first day of a financial year the year just ended is due, and its last quarter.
        Map<String, String> due = Periods.due(LocalDate.of(2018, 4, 1));
        assertEquals("2017April", due.get("FINANCIAL_YEAR"));
        assertEquals("2017AprilQ4", due.get("FINANCIAL_QUARTER"));
        assertEquals("201803", due.get("MONTHLY"));
    }

    @Test
    void aFixedAsAtDateWinsOverToday() {
        assertEquals(LocalDate.of(2018, 5, 15), new Periods("2018-05-15").asAt());
        assertEquals(LocalDate.now(), new Periods("today").asAt());
        assertEquals(LocalDate.now(), new Periods("").asAt());
    }

    @ParameterizedTest
    @CsvSource({
            "2017April, 2017/18",
            "2017AprilQ1, Q1 2017/18",
            "2017AprilQ4, Q4 2017/18",
            "2016Sep, 2016/17",
            "2018Q1, 2018 Q1",
            "2018, 2018",
            "201803, March 2018",
            "201813, 201813",
            "last year, last year",
    })
    void labelsAreTheOnesPeopleUseAndTheSameAsTheDashboards(String id, String label) {
        assertEquals(label, Periods.label(id));
        assertEquals(ReportingPeriod.labelOf(id), Periods.label(id));
    }

    @Test
    void noPeriodIsAnEmptyLabel() {
        assertEquals("", Periods.label(null));
    }

    @Test
    void aPeriodsFiguresAreDueThirtyDaysAfterItEndsUnlessConfigured() {
        assertEquals(LocalDate.of(2018, 4, 30), new Periods("2018-05-15").deadline("2017April"));
        assertEquals(LocalDate.of(2018, 5, 30), new Periods("2018-05-15").deadline("201804"));
        assertEquals(LocalDate.of(2018, 5, 12), new Periods("2018-05-15", 42).deadline("2017AprilQ4"));
        assertEquals(null, new Periods("2018-05-15").deadline("not-a-period"));
    }
}
