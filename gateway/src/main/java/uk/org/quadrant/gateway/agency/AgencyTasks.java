package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.audits.Assessment;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.Submissions;
import uk.org.quadrant.gateway.clients.indicators.Value;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.periods.Periods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What one agency owes, composed from the three services at once with the user's token: indicator
 * values due for the period each frequency is due for (see {@link Periods}), values the board manager
 * returned, actions the agency leads that need an update, open audits it takes part in, and the
 * unrated standards of its current Section 11 self-assessment. A service that does not answer greys
 * out its own section; the others still show.
 */
@Singleton
public class AgencyTasks {

    /** An action with no progress update for this long needs one, whatever its delivery RAG. */
    static final int STALE_MONTHS = 3;
    static final String RETURN = "Performance data";
    static final String ACTION = "Action";
    static final String AUDIT = "Audit";
    static final String STANDARD = "Section 11 standard";
    private static final List<String> CASE_AUDITS = List.of("MULTI_AGENCY_CASE_AUDIT", "SINGLE_AGENCY_AUDIT");
    private static final List<String> OPEN_AUDITS = List.of("PLANNED", "IN_PROGRESS");

    private final Downstream downstream;
    private final Periods periods;
    private final IndicatorsClient indicators;
    private final ActionsClient actionsClient;
    private final AuditsClient auditsClient;

    AgencyTasks(Downstream downstream, Periods periods, IndicatorsClient indicators, ActionsClient actionsClient,
                AuditsClient auditsClient) {
        this.downstream = downstream;
        this.periods = periods;
        this.indicators = indicators;
        this.actionsClient = actionsClient;
        this.auditsClient = auditsClient;
    }

    /** The values section: what is owed, and how many of the period's returns are already in. */
    public record Values(List<Task> tasks, int due, int done, List<String> periodsDue) {
    }

    /** The Section 11 section: the current cycle's standards, or none started. */
    public record SelfAssessment(String cycleLabel, List<Task> tasks, int rated, int standards) {
    }

    /** The four kinds of task, each greyed out on its own when its service does not answer. */
    public record Sections(Panel<Values> values, Panel<List<Task>> actions, Panel<List<Task>> audits,
                           Panel<SelfAssessment> selfAssessment) {
    }

    /**
     * A value an agency owes for a period that is due: not entered, a draft not yet submitted, or
     * returned by the board manager; with the value itself where it was read (a returned one's reason,
     * who saved a draft).
     */
    public record OwedValue(String agency, String period, String periodLabel, Submissions.Item item,
                            @Nullable LocalDate due, Urgency urgency, @Nullable Value value) {

        public String status() {
            return String.valueOf(item.status());
        }

        /** The manager's reason for a returned value, when it was read. */
        public @Nullable String returnReason() {
            return value == null ? null : value.returnReason();
        }

        /** Who last saved it, when the value was read. */
        public @Nullable String savedBy() {
            return value == null ? null : value.updatedBy() != null ? value.updatedBy() : value.submittedBy();
        }

        /** The form that enters or corrects it. */
        public String href() {
            return "/agency/" + agency + "/values/" + item.code() + "/" + period;
        }

        Task task() {
            String name = item.title() + " (" + periodLabel + ")";
            String when = dueText(due, urgency);
            return switch (status()) {
                case "RETURNED" -> new Task(RETURN, name, href(), when + (returnReason() == null ? "Returned by the board manager"
                        : "Returned by the board manager: " + returnReason()), TaskStatus.RETURNED, due, urgency);
                case "DRAFT" -> new Task(RETURN, name, href(), when + "Draft saved, not yet submitted: ready to check and submit",
                        TaskStatus.IN_PROGRESS, due, urgency);
                default -> new Task(RETURN, name, href(), when + "No value entered yet", TaskStatus.NOT_STARTED, due, urgency);
            };
        }
    }

    /** An action that owes an update: overdue, at risk, or without a progress update for {@value #STALE_MONTHS} months. */
    public record ActionDue(Action action, boolean overdue, boolean atRisk, boolean stale, @Nullable LocalDate due,
                            Urgency urgency) {

        public String href() {
            return "/actions/" + action.id() + "/update";
        }

        Task task() {
            List<String> why = new ArrayList<>();
            if (overdue) {
                why.add("Overdue: due " + Dates.words(action.dueDate()));
            } else if (atRisk) {
                why.add("At risk: due " + Dates.words(action.dueDate()));
            }
            why.add(action.lastUpdateAt() == null ? "No progress update yet" : "Last update " + Dates.words(action.lastUpdateAt()));
            TaskStatus status = "NOT_STARTED".equals(action.status()) ? TaskStatus.NOT_STARTED : TaskStatus.IN_PROGRESS;
            return new Task(ACTION, action.ref() + ": " + action.action(), href(), String.join(". ", why), status, due, urgency);
        }
    }

    /**
     * What every agency owes, for the reminder rules: each section greyed out on its own when its
     * service does not answer, so a dead service sends no reminder rather than a wrong one.
     */
    public record Owed(Panel<List<OwedValue>> values, Panel<List<ActionDue>> actions) {
    }

    /** One agency's task list, read with the signed-in user's token. */
    public Sections compose(HttpRequest<?> request, String agency) {
        Calls calls = downstream.forRequest(request);
        Map<String, CompletableFuture<Reply<Submissions>>> submissions = submissions(calls);
        CompletableFuture<Reply<List<Action>>> actions = calls.read(Service.ACTIONS,
                () -> actionsClient.actions(agency, null, null, null, null, null, null));
        CompletableFuture<Reply<List<Audit>>> audits = calls.read(Service.AUDITS, auditsClient::audits);
        CompletableFuture<Reply<List<Assessment>>> assessments = calls.read(Service.AUDITS, auditsClient::assessments);

        return new Sections(values(calls, submissions, agency),
                Calls.panel(actions, Service.ACTIONS, AgencyTasks::rows)
                        .map(rows -> actionsDue(rows, agency).stream().map(ActionDue::task).toList()),
                Calls.panel(audits, Service.AUDITS, AgencyTasks::rows).map(rows -> auditTasks(rows, agency)),
                Calls.panel(assessments, Service.AUDITS, AgencyTasks::rows).map(rows -> selfAssessment(rows, agency)));
    }

    /**
     * What every agency owes, by the same rules as the task list, read with {@code calls} (the gateway's
     * own service token): values due, with the value read for each returned one and each draft, and
     * actions that need an update.
     */
    public Owed everyAgency(Calls calls) {
        Map<String, CompletableFuture<Reply<Submissions>>> submissions = submissions(calls);
        CompletableFuture<Reply<List<Action>>> actions = calls.read(Service.ACTIONS,
                () -> actionsClient.actions(null, null, null, null, null, null, null));
        Panel<Returns> returns = returns(calls, submissions, null, Set.of("RETURNED", "DRAFT"));
        return new Owed(returns.map(Returns::owed),
                Calls.panel(actions, Service.ACTIONS, AgencyTasks::rows).map(rows -> actionsDue(rows, null)));
    }

    private Map<String, CompletableFuture<Reply<Submissions>>> submissions(Calls calls) {
        Map<String, CompletableFuture<Reply<Submissions>>> submissions = new LinkedHashMap<>();
        periods.due().forEach((frequency, period) ->
                submissions.put(period, calls.read(Service.INDICATORS, () -> indicators.submissions(period))));
        return submissions;
    }

    private static <T> List<T> rows(Reply<List<T>> reply) {
        return reply.body() == null ? List.of() : reply.body();
    }

    /** The values owed, and of the periods due how many returns there are and how many are already in. */
    private record Returns(List<OwedValue> owed, int due, int done, List<String> periodsDue) {
    }

    private Panel<Values> values(Calls calls, Map<String, CompletableFuture<Reply<Submissions>>> submissions, String agency) {
        return returns(calls, submissions, agency, Set.of("RETURNED")).map(r ->
                new Values(r.owed().stream().map(OwedValue::task).toList(), r.due(), r.done(), r.periodsDue()));
    }

    /**
     * The values owed by {@code agency} (every agency when null) for the periods due; the value itself
     * is read, all at once, for each owed one whose status is in {@code readValues}.
     */
    private Panel<Returns> returns(Calls calls, Map<String, CompletableFuture<Reply<Submissions>>> submissions,
                                   @Nullable String agency, Set<String> readValues) {
        record Item(String agency, String period, String periodLabel, Submissions.Item item) {
        }
        List<Item> owed = new ArrayList<>();
        List<String> periodsDue = new ArrayList<>();
        int dueCount = 0;
        int done = 0;
        for (Map.Entry<String, CompletableFuture<Reply<Submissions>>> e : submissions.entrySet()) {
            Panel<Submissions> panel = Calls.panel(e.getValue(), Service.INDICATORS, Reply::body);
            if (!panel.available() || panel.data() == null) {
                return Panel.unavailable(Service.INDICATORS.displayName());
            }
            String label = Objects.toString(panel.data().periodLabel(), Periods.label(e.getKey()));
            boolean any = false;
            for (Submissions.AgencyReturns returns : orEmpty(panel.data().agencies())) {
                if (agency != null && !agency.equals(returns.agency())) {
                    continue;
                }
                for (Submissions.Item item : orEmpty(returns.items())) {
                    any = true;
                    dueCount++;
                    String status = String.valueOf(item.status());
                    if (status.equals("SUBMITTED") || status.equals("APPROVED")) {
                        done++;
                    } else {
                        owed.add(new Item(returns.agency(), e.getKey(), label, item));
                    }
                }
            }
            if (any) {
                periodsDue.add(label);
            }
        }
        Map<Item, CompletableFuture<Reply<Value>>> read = new LinkedHashMap<>();
        for (Item o : owed) {
            if (readValues.contains(String.valueOf(o.item().status()))) {
                read.put(o, calls.read(Service.INDICATORS, () -> indicators.value(o.item().code(), o.period(), o.agency())));
            }
        }
        LocalDate asAt = periods.asAt();
        List<OwedValue> values = new ArrayList<>();
        for (Item o : owed) {
            LocalDate due = periods.deadline(o.period());
            Value value = null;
            if (read.containsKey(o)) {
                Panel<Value> v = Calls.panel(read.get(o), Service.INDICATORS, Reply::body);
                value = v.available() ? v.data() : null;
            }
            values.add(new OwedValue(o.agency(), o.period(), o.periodLabel(), o.item(), due, Urgency.of(due, asAt), value));
        }
        return Panel.of(new Returns(values, dueCount, done, periodsDue), Service.INDICATORS.displayName());
    }

    /** The actions led by {@code agency} (every agency when null) that need an update on the as-at day. */
    private List<ActionDue> actionsDue(List<Action> rows, @Nullable String agency) {
        LocalDate asAt = periods.asAt();
        Instant staleBefore = asAt.minusMonths(STALE_MONTHS).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<ActionDue> due = new ArrayList<>();
        for (Action a : rows) {
            if ((agency != null && !agency.equals(a.leadAgency())) || "COMPLETED".equals(a.delivery())) {
                continue;
            }
            String delivery = String.valueOf(a.delivery());
            Instant last = instant(a.lastUpdateAt());
            boolean stale = last == null || last.isBefore(staleBefore);
            boolean overdue = delivery.equals("OVERDUE");
            boolean atRisk = delivery.equals("AT_RISK");
            if (!overdue && !atRisk && !stale) {
                continue;
            }
            LocalDate dueDate = date(a.dueDate());
            // Late for delivery is late; at risk, or without an update for three months, owes an update now.
            Urgency urgency = overdue || Urgency.of(dueDate, asAt) == Urgency.LATE ? Urgency.LATE : Urgency.DUE_SOON;
            due.add(new ActionDue(a, overdue, atRisk, stale, dueDate, urgency));
        }
        return due;
    }

    private List<Task> auditTasks(List<Audit> rows, String agency) {
        List<Task> tasks = new ArrayList<>();
        for (Audit a : rows) {
            boolean takesPart = agency.equals(a.leadAgency()) || a.participants().contains(agency);
            if (!takesPart || !OPEN_AUDITS.contains(String.valueOf(a.status()))) {
                continue;
            }
            boolean grades = CASE_AUDITS.contains(String.valueOf(a.type()));
            String href = "/audits/" + a.id() + (grades ? "/cases/new" : "/findings/new");
            String hint = (grades ? "Record case grades and findings" : "Record findings")
                    + (a.plannedEnd() != null ? ". Planned to finish " + Dates.words(a.plannedEnd()) : "");
            LocalDate due = date(a.plannedEnd());
            tasks.add(new Task(AUDIT, String.valueOf(a.title()), href, hint,
                    "IN_PROGRESS".equals(a.status()) ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED, due, Urgency.of(due, periods.asAt())));
        }
        return tasks;
    }

    private static SelfAssessment selfAssessment(List<Assessment> rows, String agency) {
        Assessment current = rows.stream()
                .filter(r -> agency.equals(r.agency()))
                .max(Comparator.comparing(r -> String.valueOf(r.cycle())))
                .orElse(null);
        if (current == null) {
            return null;
        }
        List<Task> tasks = new ArrayList<>();
        int rated = 0;
        List<Assessment.Row> standards = orEmpty(current.standards());
        for (Assessment.Row s : standards) {
            String href = "/self-assessment/" + current.id() + "/standards/" + s.code();
            String rag = s.rag();
            if (rag == null) {
                tasks.add(new Task(STANDARD, s.code() + ": " + s.title(), href, "Not yet rated", TaskStatus.NOT_STARTED, null, Urgency.LATER));
            } else {
                rated++;
                tasks.add(new Task(STANDARD, s.code() + ": " + s.title(), href, "Rated " + rag, TaskStatus.COMPLETED, null, Urgency.LATER));
            }
        }
        return new SelfAssessment(Periods.label(String.valueOf(current.cycle())), tasks, rated, standards.size());
    }

    /** "Late: was due 30 April 2018. " or "Due 31 May 2018. " before the rest of a return's hint. */
    private static String dueText(LocalDate due, Urgency urgency) {
        if (due == null) {
            return "";
        }
        return (urgency == Urgency.LATE ? "Late: was due " : "Due ") + Dates.words(due.toString()) + ". ";
    }

    private static LocalDate date(Object o) {
        Instant instant = instant(o);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return Instant.parse(o.toString());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(o.toString()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }
}
