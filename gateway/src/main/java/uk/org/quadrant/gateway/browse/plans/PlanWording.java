package uk.org.quadrant.gateway.browse.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The users' words for what actions-service sends as codes: delivery and measure status as the
 * text of a GOV.UK tag (colour is never the only signal), dates as "31 August 2017".
 */
public final class PlanWording {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A GOV.UK tag: its text and its colour modifier. */
    public record Tag(String text, String colour) {
    }

    private static final Map<String, Tag> DELIVERY = Map.of(
            "COMPLETED", new Tag("Completed", "govuk-tag--green"),
            "OVERDUE", new Tag("Overdue", "govuk-tag--red"),
            "AT_RISK", new Tag("At risk", "govuk-tag--yellow"),
            "ON_TRACK", new Tag("On track", "govuk-tag--blue"));

    private static final Map<String, Tag> MEASURE = Map.of(
            "MET", new Tag("Met", "govuk-tag--green"),
            "NOT_MET", new Tag("Not met", "govuk-tag--red"),
            "NO_DATA", new Tag("No data yet", "govuk-tag--grey"),
            "UNAVAILABLE", new Tag("Unavailable", "govuk-tag--grey"));

    private static final Map<String, String> STATUS = Map.of(
            "NOT_STARTED", "Not started", "IN_PROGRESS", "In progress", "COMPLETED", "Completed", "CLOSED", "Closed");

    private static final Map<String, String> SOURCE = Map.of(
            "INSPECTION", "Inspection", "SERIOUS_CASE_REVIEW", "Serious case review",
            "DOMESTIC_HOMICIDE_REVIEW", "Domestic homicide review", "LEARNING_REVIEW", "Learning review",
            "AUDIT", "Audit", "SELF_ASSESSMENT", "Self-assessment", "BUSINESS_PLAN", "Business plan");

    /** Delivery statuses in the order the filter offers them. */
    public static final java.util.List<String> DELIVERIES = java.util.List.of("OVERDUE", "AT_RISK", "ON_TRACK", "COMPLETED");

    private PlanWording() {
    }

    public static Tag delivery(Object code) {
        return DELIVERY.getOrDefault(String.valueOf(code), new Tag(String.valueOf(code), "govuk-tag--grey"));
    }

    public static Tag measure(Object code) {
        return MEASURE.getOrDefault(String.valueOf(code), new Tag(String.valueOf(code), "govuk-tag--grey"));
    }

    public static String status(Object code) {
        return STATUS.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    public static String source(Object code) {
        return SOURCE.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    /** {@code 2017-08-31} as "31 August 2017"; anything else as it came. */
    public static String date(Object isoDate) {
        if (isoDate == null) {
            return "";
        }
        String s = isoDate.toString();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).format(LONG_DATE);
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    /** "at least 75" / "at most 5" for a measurable criterion's comparator and target. */
    public static String criterion(Object comparator, Object target) {
        if (target == null) {
            return "";
        }
        return ("LTE".equals(comparator) ? "at most " : "at least ") + target;
    }
}
