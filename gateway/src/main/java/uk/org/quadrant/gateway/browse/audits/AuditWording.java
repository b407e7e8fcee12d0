package uk.org.quadrant.gateway.browse.audits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The board's words for audits-service's codes: kinds of audit and review, audit status (as GOV.UK
 * tag text and colour), the four quadrants of evidence, kinds of finding and grades.
 */
public final class AuditWording {

    /** A GOV.UK tag: its text and its colour modifier. */
    public record Tag(String text, String colour) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "MULTI_AGENCY_CASE_AUDIT", "Multi-agency case audit",
            "SINGLE_AGENCY_AUDIT", "Single-agency audit",
            "SECTION_11_SELF_ASSESSMENT", "Section 11 self-assessment",
            "SERIOUS_CASE_REVIEW", "Serious case review",
            "LEARNING_REVIEW", "Learning review",
            "DOMESTIC_HOMICIDE_REVIEW", "Domestic homicide review",
            "PRACTITIONER_EVENT_OR_SURVEY", "Practitioner event or survey",
            "CHILDREN_AND_FAMILIES_ENGAGEMENT", "Children and families' engagement",
            "COMPLAINTS_SUMMARY", "Complaints summary");

    private static final Map<String, Tag> STATUS = Map.of(
            "PLANNED", new Tag("Planned", "govuk-tag--grey"),
            "IN_PROGRESS", new Tag("In progress", "govuk-tag--blue"),
            "REPORTED", new Tag("Reported", "govuk-tag--green"),
            "CLOSED", new Tag("Closed", "govuk-tag--purple"));

    /** The quadrants in the board's order, with its names for them. */
    public static final Map<String, String> QUADRANTS;

    static {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("QUANTITATIVE", "Performance data");
        q.put("QUALITATIVE", "Audits and reviews");
        q.put("PRACTITIONER", "Practitioners' views");
        q.put("CHILDREN_AND_FAMILIES", "Children's, young people's and families' views");
        QUADRANTS = java.util.Collections.unmodifiableMap(q);
    }

    private static final Map<String, String> KINDS = Map.of(
            "STRENGTH", "Strength", "LEARNING_POINT", "Learning point", "RECOMMENDATION", "Recommendation",
            "CONCERN", "Concern", "VIEW", "View");

    private AuditWording() {
    }

    public static String type(Object code) {
        return TYPES.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    /** Only case audits grade individual cases. */
    public static boolean gradesCases(Object type) {
        return "MULTI_AGENCY_CASE_AUDIT".equals(type) || "SINGLE_AGENCY_AUDIT".equals(type);
    }

    public static Tag status(Object code) {
        return STATUS.getOrDefault(String.valueOf(code), new Tag(String.valueOf(code), "govuk-tag--grey"));
    }

    public static String quadrant(Object code) {
        return QUADRANTS.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    public static String kind(Object code) {
        return KINDS.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    /** {@code REQUIRES_IMPROVEMENT} as "Requires improvement". */
    public static String grade(Object code) {
        String s = String.valueOf(code).replace('_', ' ').toLowerCase(Locale.UK);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A list of codes (agencies, quadrants) from JSON as strings. */
    public static List<String> strings(Object list) {
        if (list instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return list == null ? List.of() : Arrays.asList(String.valueOf(list).split(","));
    }
}
