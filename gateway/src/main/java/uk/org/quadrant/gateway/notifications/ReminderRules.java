package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.agency.AgencyTasks;
import uk.org.quadrant.gateway.agency.AgencyTasks.ActionDue;
import uk.org.quadrant.gateway.agency.AgencyTasks.OwedValue;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.notifications.MessageContent.Line;
import uk.org.quadrant.gateway.notifications.preferences.Delivery;
import uk.org.quadrant.gateway.notifications.preferences.Recipient;
import uk.org.quadrant.gateway.notifications.preferences.ReminderKind;
import uk.org.quadrant.gateway.web.forms.Dates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Who is told what, from what every agency owes by the task list's own rules
 * ({@link uk.org.quadrant.gateway.agency.AgencyTasks#everyAgency}). Pure: the same inputs give the same
 * notices, and each notice's {@link Notice#key()} says which time of asking it is, so running again
 * on the same day adds nothing.
 * <ul>
 *   <li><b>returns due</b> — one message per agency and period, to its contributors and leads:
 *       {@code returnsReminderDays} before the deadline, on the day, then each further week while late;</li>
 *   <li><b>a value returned</b> — to whoever saved it and the agency's leads, with the manager's reason;</li>
 *   <li><b>a draft ready to submit</b> — to the agency's leads, unless a lead saved it;</li>
 *   <li><b>an action</b> overdue, at risk or without an update for three months — to the lead agency's leads;</li>
 *   <li><b>the board manager's monthly digest</b> — what is outstanding, by agency, at the first run of each month;</li>
 *   <li><b>the chair's pre-meeting digest</b> — the same, {@code preMeetingDays} before each configured board meeting.</li>
 * </ul>
 * An agency's reminders go only to people of that agency: none carries another agency's data.
 */
@Singleton
public class ReminderRules {

    static final String RETURNS_DUE = "returns-due";
    static final String VALUE_RETURNED = "value-returned";
    static final String DRAFT_READY = "draft-ready";
    static final String ACTION = "action";
    static final String MANAGER_DIGEST = "manager-digest";
    static final String CHAIR_DIGEST = "chair-pre-meeting";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final NotificationSettings settings;

    ReminderRules(NotificationSettings settings) {
        this.settings = settings;
    }

    /** The notices for {@code read} as at {@code asAt}, for the people of {@code recipients} who want them. */
    public List<Notice> decide(AgencyTasks.Owed read, List<Recipient> recipients, Map<String, String> agencyNames, LocalDate asAt) {
        // A section whose service did not answer is null: its reminders wait for the next run.
        List<OwedValue> values = read.values().available() ? read.values().data() : null;
        List<ActionDue> actions = read.actions().available() ? read.actions().data() : null;
        List<Notice> notices = new ArrayList<>();
        if (values != null) {
            returnsDue(values, recipients, agencyNames, asAt, notices);
            for (OwedValue v : values) {
                if (v.status().equals("RETURNED")) {
                    valueReturned(v, recipients, agencyNames, notices);
                } else if (v.status().equals("DRAFT")) {
                    draftReady(v, recipients, agencyNames, notices);
                }
            }
        }
        if (actions != null) {
            for (ActionDue a : actions) {
                action(a, recipients, agencyNames, notices);
            }
        }
        if (values != null && actions != null) {   // a digest goes once: never an incomplete one
            boardDigests(values, actions, recipients, agencyNames, asAt, notices);
        }
        return notices;
    }

    // ---- returns due ------------------------------------------------------------------------------

    private void returnsDue(List<OwedValue> values, List<Recipient> recipients, Map<String, String> names, LocalDate asAt,
                            List<Notice> out) {
        Map<String, List<OwedValue>> byAgencyAndPeriod = new TreeMap<>();
        for (OwedValue v : values) {
            if (!v.status().equals("RETURNED") && v.due() != null) {
                byAgencyAndPeriod.computeIfAbsent(v.agency() + ":" + v.period(), k -> new ArrayList<>()).add(v);
            }
        }
        byAgencyAndPeriod.forEach((subject, owed) -> {
            OwedValue first = owed.get(0);
            String occasion = returnsOccasion(first.due(), asAt);
            if (occasion == null) {
                return;
            }
            String agencyName = names.getOrDefault(first.agency(), first.agency());
            long days = ChronoUnit.DAYS.between(asAt, first.due());
            String count = owed.size() == 1 ? "1 value" : owed.size() + " values";
            String when = days > 0 ? "due on " + Dates.words(first.due().toString())
                    : days == 0 ? "due today" : "late: it was due on " + Dates.words(first.due().toString());
            String subjectLine = days < 0
                    ? "Late: " + count + " for " + first.periodLabel() + " from " + agencyName
                    : "Performance data " + (days == 0 ? "due today" : "due " + Dates.words(first.due().toString())) + ": "
                    + count + " for " + first.periodLabel() + " from " + agencyName;
            List<Line> lines = owed.stream()
                    .sorted(Comparator.comparing(v -> v.item().title()))
                    .map(v -> new Line(v.item().title(), v.href(),
                            v.status().equals("DRAFT") ? "Draft saved, not yet submitted" : "No value entered yet"))
                    .toList();
            MessageContent content = new MessageContent(subjectLine,
                    agencyName + "'s performance data for " + first.periodLabel() + " is " + when + ".",
                    List.of(count.substring(0, 1).toUpperCase(Locale.ROOT) + count.substring(1) + " still to be submitted. "
                            + "The board uses these figures to hold partners to account, so please enter and submit them."),
                    lines, "Go to your agency's page", "/agency/" + first.agency());
            for (Recipient r : of(recipients, first.agency(), r -> r.has(Role.AGENCY_CONTRIBUTOR) || r.has(Role.AGENCY_LEAD))) {
                add(out, ReminderKind.RETURNS_DUE, RETURNS_DUE, subject, occasion, first.agency(), r, content);
            }
        });
    }

    /**
     * Which reminder a return is at: "before" within {@code returnsReminderDays} of its deadline,
     * "due" from the deadline for a week, then "late-1", "late-2"… one a week; null while it is further off.
     */
    @Nullable String returnsOccasion(LocalDate due, LocalDate asAt) {
        long days = ChronoUnit.DAYS.between(asAt, due);
        if (days > settings.returnsReminderDays()) {
            return null;
        }
        if (days > 0) {
            return "before";
        }
        long late = -days;
        return late < 7 ? "due" : "late-" + (late / 7);
    }

    // ---- single values ----------------------------------------------------------------------------

    private void valueReturned(OwedValue v, List<Recipient> recipients, Map<String, String> names, List<Notice> out) {
        String agencyName = names.getOrDefault(v.agency(), v.agency());
        String reason = v.returnReason();
        MessageContent content = new MessageContent(
                "Returned for correction: " + v.item().title() + " (" + v.periodLabel() + ")",
                "The board manager returned " + agencyName + "'s value for " + v.item().title() + " (" + v.periodLabel() + ").",
                List.of(reason == null ? "The board manager did not give a reason." : "Their reason: " + reason,
                        "Please correct the value and submit it again."),
                List.of(new Line(v.item().title() + " (" + v.periodLabel() + ")", v.href(), null)),
                "Correct the value", v.href());
        String saver = v.savedBy();
        for (Recipient r : of(recipients, v.agency(), r -> r.has(Role.AGENCY_LEAD) || r.username().equals(saver))) {
            add(out, ReminderKind.VALUE_RETURNED, VALUE_RETURNED, valueSubject(v), version(v), v.agency(), r, content);
        }
    }

    private void draftReady(OwedValue v, List<Recipient> recipients, Map<String, String> names, List<Notice> out) {
        String saver = v.savedBy();
        boolean savedByLead = saver != null && recipients.stream()
                .anyMatch(r -> r.username().equals(saver) && r.has(Role.AGENCY_LEAD) && r.agency().equals(v.agency()));
        if (savedByLead) {
            return;
        }
        String agencyName = names.getOrDefault(v.agency(), v.agency());
        MessageContent content = new MessageContent(
                "Ready to check and submit: " + v.item().title() + " (" + v.periodLabel() + ")",
                (saver == null ? "A contributor" : saver) + " saved a draft of " + agencyName + "'s value for "
                        + v.item().title() + " (" + v.periodLabel() + ").",
                List.of("As a lead for " + agencyName + ", please check it and submit it to the board."),
                List.of(new Line(v.item().title() + " (" + v.periodLabel() + ")", v.href(),
                        v.due() == null ? null : "Due " + Dates.words(v.due().toString()))),
                "Check and submit", v.href());
        for (Recipient r : of(recipients, v.agency(), r -> r.has(Role.AGENCY_LEAD) && !r.username().equals(saver))) {
            add(out, ReminderKind.DRAFT_READY, DRAFT_READY, valueSubject(v), version(v), v.agency(), r, content);
        }
    }

    private static String valueSubject(OwedValue v) {
        return v.agency() + ":" + v.item().code() + ":" + v.period();
    }

    private static String version(OwedValue v) {
        Long version = v.value() != null && v.value().version() != null ? v.value().version() : v.item().version();
        return "v" + Objects.toString(version, "0");
    }

    // ---- actions ----------------------------------------------------------------------------------

    private void action(ActionDue a, List<Recipient> recipients, Map<String, String> names, List<Notice> out) {
        var action = a.action();
        String agencyName = names.getOrDefault(action.leadAgency(), action.leadAgency());
        String state;
        String occasion;
        String why;
        if (a.overdue()) {
            state = "is overdue";
            occasion = "overdue:" + action.dueDate();
            why = "It was due on " + Dates.words(action.dueDate()) + " and is not completed.";
        } else if (a.atRisk()) {
            state = "is at risk";
            occasion = "at-risk:" + action.dueDate();
            why = "It is due on " + Dates.words(action.dueDate()) + " and is at risk of missing that date.";
        } else {
            state = "needs a progress update";
            occasion = "stale:" + Objects.toString(action.lastUpdateAt(), "never");
            why = action.lastUpdateAt() == null ? "It has had no progress update yet."
                    : "Its last progress update was on " + Dates.words(action.lastUpdateAt()) + ", over three months ago.";
        }
        MessageContent content = new MessageContent(
                "Action " + action.ref() + " " + state,
                "Action " + action.ref() + ", led by " + agencyName + ", " + state + ".",
                List.of(why, "Please record an update: what has been done and what difference it has made."),
                List.of(new Line(action.ref() + ": " + action.action(), a.href(), null)),
                "Update the action", a.href());
        for (Recipient r : of(recipients, action.leadAgency(), r -> r.has(Role.AGENCY_LEAD))) {
            add(out, ReminderKind.ACTIONS, ACTION, "action:" + action.id(), occasion, action.leadAgency(), r, content);
        }
    }

    // ---- the board's digests ----------------------------------------------------------------------

    private void boardDigests(List<OwedValue> values, List<ActionDue> actions, List<Recipient> recipients,
                              Map<String, String> names, LocalDate asAt, List<Notice> out) {
        List<Line> byAgency = outstandingByAgency(values, actions, names);
        String month = YearMonth.from(asAt).toString();
        MessageContent monthly = new MessageContent(
                "Monthly digest: what is outstanding, " + MONTH.format(asAt),
                "What partner agencies owe the board as at " + Dates.words(asAt.toString()) + ".",
                List.of(byAgency.isEmpty() ? "Nothing is outstanding." : "By agency, most outstanding first:"),
                byAgency, "Go to the board's dashboard", "/board");
        for (Recipient r : recipients) {
            if (r.has(Role.BOARD_MANAGER)) {
                add(out, ReminderKind.BOARD_DIGEST, MANAGER_DIGEST, "board", month, null, r, monthly);
            }
        }
        for (LocalDate meeting : settings.meetings()) {
            long days = ChronoUnit.DAYS.between(asAt, meeting);
            if (days < 0 || days > settings.preMeetingDays()) {
                continue;
            }
            MessageContent pre = new MessageContent(
                    "Before the board meeting on " + Dates.words(meeting.toString()) + ": what is outstanding",
                    "What partner agencies owe the board as at " + Dates.words(asAt.toString())
                            + ", ahead of the meeting on " + Dates.words(meeting.toString()) + ".",
                    List.of(byAgency.isEmpty() ? "Nothing is outstanding." : "By agency, most outstanding first:"),
                    byAgency, "Go to the board's dashboard", "/board");
            for (Recipient r : recipients) {
                if (r.has(Role.BOARD_CHAIR)) {
                    add(out, ReminderKind.BOARD_DIGEST, CHAIR_DIGEST, "meeting:" + meeting, "before", null, r, pre);
                }
            }
        }
    }

    /** "Thames Valley Police: 3 returns owed (2 late), 1 returned for correction; 2 actions need an update." */
    static List<Line> outstandingByAgency(List<OwedValue> values, List<ActionDue> actions, Map<String, String> names) {
        record Count(int owed, int late, int returned, int actions) {
            int total() {
                return owed + returned + actions;
            }
        }
        Map<String, Count> counts = new LinkedHashMap<>();
        for (OwedValue v : values) {
            Count c = counts.getOrDefault(v.agency(), new Count(0, 0, 0, 0));
            boolean returned = v.status().equals("RETURNED");
            boolean late = v.urgency() == uk.org.quadrant.gateway.agency.Urgency.LATE;
            counts.put(v.agency(), new Count(c.owed() + (returned ? 0 : 1), c.late() + (late && !returned ? 1 : 0),
                    c.returned() + (returned ? 1 : 0), c.actions()));
        }
        for (ActionDue a : actions) {
            String agency = a.action().leadAgency();
            Count c = counts.getOrDefault(agency, new Count(0, 0, 0, 0));
            counts.put(agency, new Count(c.owed(), c.late(), c.returned(), c.actions() + 1));
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Count> e) -> -e.getValue().total())
                        .thenComparing(e -> names.getOrDefault(e.getKey(), e.getKey())))
                .map(e -> {
                    Count c = e.getValue();
                    List<String> parts = new ArrayList<>();
                    if (c.owed() > 0) {
                        parts.add(plural(c.owed(), "return", "returns") + " owed" + (c.late() > 0 ? " (" + c.late() + " late)" : ""));
                    }
                    if (c.returned() > 0) {
                        parts.add(c.returned() + " returned for correction");
                    }
                    if (c.actions() > 0) {
                        parts.add(plural(c.actions(), "action needs", "actions need") + " an update");
                    }
                    return new Line(names.getOrDefault(e.getKey(), e.getKey()), "/agency/" + e.getKey(), String.join("; ", parts));
                })
                .toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The people of {@code agency} the predicate picks: an agency's reminder never leaves the agency. */
    private static List<Recipient> of(List<Recipient> recipients, String agency, Predicate<Recipient> who) {
        return recipients.stream().filter(r -> agency.equals(r.agency()) && who.test(r)).toList();
    }

    private static void add(List<Notice> out, ReminderKind kind, String template, String subject, String occasion,
                            @Nullable String agency, Recipient r, MessageContent content) {
        if (r.delivery(kind) != Delivery.OFF) {
            out.add(new Notice(kind, template, subject, occasion, agency, r, content));
        }
    }
}
