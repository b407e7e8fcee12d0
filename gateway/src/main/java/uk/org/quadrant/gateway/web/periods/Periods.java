package uk.org.quadrant.gateway.web.periods;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which period each frequency's values are due for, and periods in the users' words.
 *
 * <p>A period's figures can only be reported once it has ended, so the period due is the <b>last
 * completed period</b> of each frequency on the "as at" date: on 15 May 2018 a yearly (financial)
 * indicator is due for 2017/18, a quarterly one for Q4 2017/18 (January–March 2018), a monthly one
 * for April 2018, an academic-year one for 2016/17 and a calendar-year one for 2017. The date is today
 * unless {@code quadrant.reporting.as-at} ({@code QUADRANT_AS_AT}, an ISO date) fixes it, e.g. to show the 2015–2018 demo data as
 * the partnership saw it.
 */
@Singleton
public class Periods {

    /** Days after a period ends that its figures are due, unless configured. */
    public static final int RETURNS_DUE_DAYS = 30;

    private final LocalDate fixed;
    private final int returnsDueDays;

    public Periods(@Nullable String asAt) {
        this(asAt, RETURNS_DUE_DAYS);
    }

    /**
     * @param asAt           "today" or an ISO date
     * @param returnsDueDays how many days after a period ends its figures are due ({@link #deadline})
     */
    @Inject
    public Periods(@Value("${quadrant.reporting.as-at:}") @Nullable String asAt,
                   @Value("${quadrant.reporting.returns-due-days:" + RETURNS_DUE_DAYS + "}") int returnsDueDays) {
        this.fixed = asAt == null || asAt.isBlank() || asAt.trim().equalsIgnoreCase("today") ? null : LocalDate.parse(asAt.trim());
        this.returnsDueDays = returnsDueDays;
    }

    public int returnsDueDays() {
        return returnsDueDays;
    }

    /** The day a period's figures are due: {@code returns-due-days} after it ends; null for an identifier that is not a period. */
    public @Nullable LocalDate deadline(@Nullable String periodId) {
        return ReportingPeriod.parse(periodId).map(p -> p.end().plusDays(returnsDueDays)).orElse(null);
    }

    /** The date the task list is worked out for. */
    public LocalDate asAt() {
        return fixed != null ? fixed : LocalDate.now();
    }

    /** Frequency name (as indicators-service spells it) → the period due on {@link #asAt()}. */
    public Map<String, String> due() {
        return due(asAt());
    }

    static Map<String, String> due(LocalDate d) {
        Map<String, String> due = new LinkedHashMap<>();
        YearMonth lastMonth = YearMonth.from(d).minusMonths(1);
        due.put("MONTHLY", String.format("%04d%02d", lastMonth.getYear(), lastMonth.getMonthValue()));
        LocalDate quarterAgo = d.minusMonths(3);
        int fy = quarterAgo.getMonthValue() >= 4 ? quarterAgo.getYear() : quarterAgo.getYear() - 1;
        due.put("FINANCIAL_QUARTER", fy + "AprilQ" + (1 + ((quarterAgo.getMonthValue() + 8) % 12) / 3));
        due.put("FINANCIAL_YEAR", ((d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1) - 1) + "April");
        due.put("ACADEMIC_YEAR", ((d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1) - 1) + "Sep");
        due.put("CALENDAR_YEAR", Integer.toString(d.getYear() - 1));
        due.put("CALENDAR_QUARTER", quarterAgo.getYear() + "Q" + (1 + (quarterAgo.getMonthValue() - 1) / 3));
        return due;
    }

    /**
     * "2017/18", "Q1 2017/18", "March 2018", "2018 Q1", "2018"; an unknown identifier as it is. The rules are
     * {@link ReportingPeriod}'s: one parser of period identifiers in the gateway.
     */
    public static String label(@Nullable String id) {
        return ReportingPeriod.labelOf(id);
    }
}
