package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.web.forms.Dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's area as one to-do list: a summary line, then every task from the four sections grouped
 * late / due soon / later, each group sorted by due date (undated last, returned values first among
 * equals); beside it what is already done and any section whose service did not answer.
 *
 * @param summary     "5 returns owed: 2 late, 3 due by 31 May 2018. 2 actions need an update. …"
 * @param groups      the non-empty groups, most urgent first
 * @param progress    what is already done, one sentence each ("Returns submitted or approved: 1 of 4 for 2017/18.")
 * @param unavailable the sections whose service did not answer: what and which service
 */
public record TodoList(String summary, List<Group> groups, List<String> progress, List<Unavailable> unavailable) {

    /** One group of the list. */
    public record Group(Urgency urgency, List<Task> tasks) {
    }

    /** A section that could not be read. */
    public record Unavailable(String what, String service) {
    }

    private static final Comparator<Task> ORDER = Comparator
            .comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(t -> t.status() != TaskStatus.RETURNED)
            .thenComparing(Task::name);

    /** Built from {@link AgencyTasks#compose}'s panels. */
    static TodoList of(AgencyTasks.Sections sections, LocalDate asAt) {
        List<Task> all = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        List<Unavailable> unavailable = new ArrayList<>();
        List<String> summary = new ArrayList<>();

        Panel<AgencyTasks.Values> values = sections.values();
        if (values.available() && values.data() != null) {
            AgencyTasks.Values v = values.data();
            all.addAll(v.tasks());
            summary.add(returns(v.tasks(), asAt));
            if (v.due() > 0) {
                progress.add("Returns submitted or approved: " + v.done() + " of " + v.due() + " for "
                        + String.join(", ", v.periodsDue()) + ".");
            }
        } else {
            unavailable.add(new Unavailable("Performance data tasks", values.service()));
        }
        Panel<List<Task>> actions = sections.actions();
        if (actions.available() && actions.data() != null) {
            List<Task> tasks = actions.data();
            all.addAll(tasks);
            summary.add(count(tasks.size(), "action needs", "actions need") + " an update.");
        } else {
            unavailable.add(new Unavailable("Actions", actions.service()));
        }
        Panel<List<Task>> audits = sections.audits();
        if (audits.available() && audits.data() != null) {
            List<Task> tasks = audits.data();
            all.addAll(tasks);
            summary.add(count(tasks.size(), "open audit", "open audits") + " to contribute to.");
        } else {
            unavailable.add(new Unavailable("Audits", audits.service()));
        }
        Panel<AgencyTasks.SelfAssessment> section11 = sections.selfAssessment();
        if (section11.available()) {
            if (section11.data() != null) {
                AgencyTasks.SelfAssessment s = section11.data();
                List<Task> open = s.tasks().stream().filter(t -> t.status() != TaskStatus.COMPLETED).toList();
                all.addAll(open);
                summary.add(count(open.size(), "Section 11 standard", "Section 11 standards") + " to rate.");
                progress.add(s.cycleLabel() + " Section 11 self-assessment: " + s.rated() + " of " + s.standards() + " standards rated.");
            } else {
                progress.add("No Section 11 self-assessment has been started for this agency.");
            }
        } else {
            unavailable.add(new Unavailable("Section 11 self-assessments", section11.service()));
        }

        Map<Urgency, List<Task>> grouped = new EnumMap<>(Urgency.class);
        all.forEach(t -> grouped.computeIfAbsent(t.urgency(), u -> new ArrayList<>()).add(t));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((urgency, tasks) -> {
            tasks.sort(ORDER);
            groups.add(new Group(urgency, List.copyOf(tasks)));
        });
        return new TodoList(String.join(" ", summary), groups, progress, unavailable);
    }

    /** "5 returns owed: 2 late, 3 due by 31 May 2018." or "No returns owed." */
    static String returns(List<Task> tasks, LocalDate asAt) {
        if (tasks.isEmpty()) {
            return "No returns owed.";
        }
        long late = tasks.stream().filter(t -> t.urgency() == Urgency.LATE).count();
        List<Task> notLate = tasks.stream().filter(t -> t.urgency() != Urgency.LATE).toList();
        @Nullable LocalDate by = notLate.stream().map(Task::due).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
        StringBuilder s = new StringBuilder(count(tasks.size(), "return", "returns")).append(" owed");
        if (late == tasks.size()) {
            return s.append(late == 1 ? ", late." : ", all late.").toString();
        }
        s.append(": ");
        if (late > 0) {
            s.append(late).append(" late, ");
        }
        s.append(notLate.size()).append(by == null ? " with no date set" : " due by " + Dates.words(by.toString()));
        return s.append('.').toString();
    }

    private static String count(long n, String one, String many) {
        return (n == 0 ? "No" : Long.toString(n)) + " " + (n == 1 ? one : many);
    }
}
