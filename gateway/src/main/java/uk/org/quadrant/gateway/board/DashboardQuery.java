package uk.org.quadrant.gateway.board;

import uk.org.quadrant.gateway.web.periods.ReportingPeriod;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The board dashboard's filters as the URL carries them ({@code ?period=&priority=&agency=}), so a
 * view can be shared by its address. Anything that is not a period identifier, a priority 1–8 or an
 * agency code is dropped (and reported as ignored) rather than sent on to the services.
 *
 * @param period   a period identifier, or null
 * @param priority a business-plan priority 1–8, or null
 * @param agency   an agency code, or null
 * @param ignored  what the user asked for that could not be used, in their words
 */
public record DashboardQuery(@Nullable String period, @Nullable Integer priority, @Nullable String agency, List<String> ignored) {

    private static final Pattern AGENCY = Pattern.compile("[A-Z0-9]{1,16}");

    /** One active filter, for the "filtered by" line. */
    public record Active(String name, String value) {
    }

    public static DashboardQuery of(@Nullable String period, @Nullable String priority, @Nullable String agency) {
        List<String> ignored = new ArrayList<>();
        String p = blankToNull(period);
        if (p != null && ReportingPeriod.parse(p).isEmpty()) {
            ignored.add("period “" + p + "”");
            p = null;
        }
        Integer pr = null;
        String prio = blankToNull(priority);
        if (prio != null) {
            try {
                pr = Integer.valueOf(prio);
            } catch (NumberFormatException e) {
                pr = null;
            }
            if (pr == null || pr < 1 || pr > 8) {
                ignored.add("priority “" + prio + "”");
                pr = null;
            }
        }
        String a = blankToNull(agency);
        if (a != null && !AGENCY.matcher(a).matches()) {
            ignored.add("agency “" + a + "”");
            a = null;
        }
        return new DashboardQuery(p, pr, a, List.copyOf(ignored));
    }

    public static DashboardQuery none() {
        return new DashboardQuery(null, null, null, List.of());
    }

    public Optional<ReportingPeriod> reportingPeriod() {
        return ReportingPeriod.parse(period);
    }

    /** The first day of the chosen period (ISO), for audits-service's date filters; null without a period. */
    @Nullable
    public String from() {
        return reportingPeriod().map(p -> p.start().toString()).orElse(null);
    }

    /** The last day of the chosen period (ISO); null without a period. */
    @Nullable
    public String to() {
        return reportingPeriod().map(p -> p.end().toString()).orElse(null);
    }

    public boolean any() {
        return period != null || priority != null || agency != null;
    }

    /** The filters in force, in the users' words (an agency by its name). */
    public List<Active> active(java.util.function.UnaryOperator<String> agencyName) {
        List<Active> out = new ArrayList<>();
        if (period != null) {
            out.add(new Active("Period", ReportingPeriod.labelOf(period)));
        }
        if (priority != null) {
            out.add(new Active("Priority", "Priority " + priority));
        }
        if (agency != null) {
            out.add(new Active("Agency", agencyName.apply(agency)));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
