package uk.org.quadrant.gateway.web.words;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns the services' codes into the words people read: a RAG rating, a delivery
 * status, an action's or audit's status, a grade, a polarity, a unit, a value's state. Every page,
 * form, export and report asks here; a code nobody has given words yet reads as a sentence
 * ("SOME_NEW_CODE" as "Some new code"), never as the code itself. Templates reach it as {@code words}
 * (added to every view's model by {@link WordsModelProcessor}).
 */
public final class Words {

    /** A GOV.UK tag: its words and its colour modifier (colour is never the only signal). */
    public record Tag(String text, String colour) {
    }

    private static final Map<String, Tag> RAG = Map.of(
            "RED", new Tag("Red", "govuk-tag--red"),
            "AMBER", new Tag("Amber", "govuk-tag--yellow"),
            "GREEN", new Tag("Green", "govuk-tag--green"),
            "DATA_ONLY", new Tag("No target", "govuk-tag--grey"));

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

    /** A value's state in the return's life: words an agency and the board both understand. */
    private static final Map<String, Tag> VALUE_STATUS = Map.of(
            "DRAFT", new Tag("Saved, not submitted", "govuk-tag--grey"),
            "SUBMITTED", new Tag("Waiting for the board", "govuk-tag--blue"),
            "APPROVED", new Tag("Approved", "govuk-tag--green"),
            "RETURNED", new Tag("Returned for correction", "govuk-tag--red"));

    /** Where a reminder e-mail is in the outbox. */
    private static final Map<String, Tag> OUTBOX_STATUS = Map.of(
            "PENDING", new Tag("Waiting to be sent", "govuk-tag--blue"),
            "SENDING", new Tag("Being sent", "govuk-tag--light-blue"),
            "SENT", new Tag("Sent", "govuk-tag--green"),
            "FAILED", new Tag("Failed", "govuk-tag--red"),
            "HELD", new Tag("Kept for the weekly digest", "govuk-tag--grey"),
            "DIGESTED", new Tag("Sent in a weekly digest", "govuk-tag--grey"));

    /** The reminders, by their template name. */
    private static final Map<String, String> REMINDERS = Map.of(
            "returns-due", "Returns due or late",
            "value-returned", "Value returned for correction",
            "draft-ready", "Draft ready to submit",
            "action", "Action needs an update",
            "manager-digest", "Board manager's monthly digest",
            "chair-pre-meeting", "Chair's pre-meeting digest",
            "weekly-digest", "Weekly digest");

    private static final Map<String, String> WORDS = Map.ofEntries(
            // directions of change
            Map.entry("IMPROVING", "Improving"), Map.entry("WORSENING", "Worsening"), Map.entry("UP", "Up"),
            Map.entry("DOWN", "Down"), Map.entry("STABLE", "Stable"), Map.entry("NO_PREVIOUS", "No previous figure"),
            // polarity
            Map.entry("HIGHER_IS_BETTER", "Higher is better"), Map.entry("LOWER_IS_BETTER", "Lower is better"),
            Map.entry("NEUTRAL", "Neither higher nor lower is better (a context measure)"),
            // units
            Map.entry("COUNT", "Number"), Map.entry("PERCENT", "Percentage"), Map.entry("RATE_PER_10K", "Rate per 10,000 children"),
            Map.entry("DAYS", "Days"),
            // frequencies
            Map.entry("MONTHLY", "Monthly"), Map.entry("FINANCIAL_QUARTER", "Quarterly (financial year)"),
            Map.entry("FINANCIAL_YEAR", "Yearly (April to March)"), Map.entry("ACADEMIC_YEAR", "Yearly (September to August)"),
            Map.entry("CALENDAR_YEAR", "Yearly (January to December)"), Map.entry("CALENDAR_QUARTER", "Quarterly (calendar year)"),
            // action status
            Map.entry("NOT_STARTED", "Not started"), Map.entry("IN_PROGRESS", "In progress"), Map.entry("CLOSED", "Closed"),
            // audit status
            Map.entry("PLANNED", "Planned"), Map.entry("REPORTED", "Reported"),
            // sources of plans
            Map.entry("INSPECTION", "Inspection"), Map.entry("SERIOUS_CASE_REVIEW", "Serious case review"),
            Map.entry("DOMESTIC_HOMICIDE_REVIEW", "Domestic homicide review"), Map.entry("LEARNING_REVIEW", "Learning review"),
            Map.entry("AUDIT", "Audit"), Map.entry("SELF_ASSESSMENT", "Self-assessment"), Map.entry("BUSINESS_PLAN", "Business plan"),
            // kinds of audit
            Map.entry("MULTI_AGENCY_CASE_AUDIT", "Multi-agency case audit"), Map.entry("SINGLE_AGENCY_AUDIT", "Single-agency audit"),
            Map.entry("SECTION_11_SELF_ASSESSMENT", "Section 11 safeguarding self-assessment"),
            Map.entry("PRACTITIONER_EVENT_OR_SURVEY", "Practitioner event or survey"),
            Map.entry("CHILDREN_AND_FAMILIES_ENGAGEMENT", "Engagement with children, young people and families"),
            Map.entry("COMPLAINTS_SUMMARY", "Complaints summary"),
            // grades keep their scale's words
            Map.entry("OUTSTANDING", "Outstanding"), Map.entry("GOOD", "Good"), Map.entry("REQUIRES_IMPROVEMENT", "Requires improvement"),
            Map.entry("INADEQUATE", "Inadequate"), Map.entry("HIGHLY_EFFECTIVE", "Highly effective"), Map.entry("EFFECTIVE", "Effective"),
            Map.entry("INEFFECTIVE", "Ineffective"), Map.entry("OFSTED", "Ofsted"), Map.entry("EARLY_HELP", "Early help"),
            // kinds of finding and the quadrants
            Map.entry("STRENGTH", "Strength"), Map.entry("LEARNING_POINT", "Learning point"), Map.entry("RECOMMENDATION", "Recommendation"),
            Map.entry("CONCERN", "Concern"), Map.entry("VIEW", "View"), Map.entry("QUANTITATIVE", "Performance data"),
            Map.entry("QUALITATIVE", "Audits and reviews"), Map.entry("PRACTITIONER", "Practitioners' views"),
            Map.entry("CHILDREN_AND_FAMILIES", "Children, young people and families' views"),
            // comparators
            Map.entry("ENGLAND", "England"), Map.entry("REGION", "Region"), Map.entry("STATISTICAL_NEIGHBOURS", "Statistical neighbours"),
            Map.entry("TARGET", "Target"), Map.entry("BASELINE", "Baseline"), Map.entry("BENCHMARK", "Benchmark"));

    private Words() {
    }

    /** The words for any code the services send; empty for none. */
    public static String of(@Nullable Object code) {
        if (code == null) {
            return "";
        }
        String c = code.toString();
        Tag tag = tagOrNull(c);
        if (tag != null) {
            return tag.text();
        }
        String w = WORDS.get(c);
        return w != null ? w : sentence(c);
    }

    /** A RAG rating as a tag ("Red", "No target"); no rating at all reads "No figure yet". */
    public static Tag rag(@Nullable Object code) {
        return code == null ? new Tag("No figure yet", "govuk-tag--grey") : RAG.getOrDefault(code.toString(), grey(code));
    }

    /** An action's delivery (its due date against today) as a tag. */
    public static Tag delivery(@Nullable Object code) {
        return DELIVERY.getOrDefault(String.valueOf(code), grey(code));
    }

    /** A measurable criterion's state as a tag. */
    public static Tag measure(@Nullable Object code) {
        return MEASURE.getOrDefault(String.valueOf(code), grey(code));
    }

    /** A value's state (draft, waiting for the board, approved, returned) as a tag. */
    public static Tag valueStatus(@Nullable Object code) {
        return VALUE_STATUS.getOrDefault(String.valueOf(code), grey(code));
    }

    /** A reminder e-mail's state in the outbox as a tag. */
    public static Tag outboxStatus(@Nullable Object code) {
        return OUTBOX_STATUS.getOrDefault(String.valueOf(code), grey(code));
    }

    /** Which reminder an e-mail is ("Returns due or late"). */
    public static String reminder(@Nullable Object template) {
        return REMINDERS.getOrDefault(String.valueOf(template), of(template));
    }

    private static Tag grey(@Nullable Object code) {
        return new Tag(code == null ? "" : of(code), "govuk-tag--grey");
    }

    private static @Nullable Tag tagOrNull(String c) {
        Tag t = RAG.get(c);
        if (t == null) {
            t = DELIVERY.get(c);
        }
        if (t == null) {
            t = MEASURE.get(c);
        }
        if (t == null) {
            t = VALUE_STATUS.get(c);
        }
        return t;
    }

    /** "SOME_NEW_CODE" as "Some new code"; text that is not a code comes back as it was. */
    static String sentence(String code) {
        if (!code.matches("[A-Z0-9]+(_[A-Z0-9]+)*") || code.length() < 2) {
            return code;
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** For templates: the same words through an instance ({@code ${words.of(a.status)}}). */
    public static final class View {
        View() {
        }

        public String of(@Nullable Object code) {
            return Words.of(code);
        }

        public Tag rag(@Nullable Object code) {
            return Words.rag(code);
        }

        public Tag delivery(@Nullable Object code) {
            return Words.delivery(code);
        }

        public Tag measure(@Nullable Object code) {
            return Words.measure(code);
        }

        public Tag valueStatus(@Nullable Object code) {
            return Words.valueStatus(code);
        }

        public Tag outboxStatus(@Nullable Object code) {
            return Words.outboxStatus(code);
        }

        public String reminder(@Nullable Object template) {
            return Words.reminder(template);
        }
    }
}
