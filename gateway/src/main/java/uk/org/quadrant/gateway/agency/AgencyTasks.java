package uk.org.quadrant.gateway.agency;

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

    public Sections compose(HttpRequest<?> request, String agency) {
        Calls calls = downstream.forRequest(request);
        Map<String, String> due = periods.due();
        Map<String, CompletableFuture<Reply<Submissions>>> submissions = new LinkedHashMap<>();
        due.forEach((frequency, period) ->
                submissions.put(period, calls.read(Service.INDICATORS, () -> indicators.submissions(period))));
        CompletableFuture<Reply<List<Action>>> actions = calls.read(Service.ACTIONS,
                () -> actionsClient.actions(agency, null, null, null, null, null, null));
        CompletableFuture<Reply<List<Audit>>> audits = calls.read(Service.AUDITS, auditsClient::audits);
        CompletableFuture<Reply<List<Assessment>>> assessments = calls.read(Service.AUDITS, auditsClient::assessments);

        return new Sections(values(calls, submissions, agency),
                Calls.panel(actions, Service.ACTIONS, AgencyTasks::rows).map(rows -> actionTasks(rows, agency)),
                Calls.panel(audits, Service.AUDITS, AgencyTasks::rows).map(rows -> auditTasks(rows, agency)),
                Calls.panel(assessments, Service.AUDITS, AgencyTasks::rows).map(rows -> selfAssessment(rows, agency)));
    }

    private static <T> List<T> rows(Reply<List<T>> reply) {
        return reply.body() == null ? List.of() : reply.body();
    }

    private Panel<Values> values(Calls calls, Map<String, CompletableFuture<Reply<Submissions>>> submissions, String agency) {
        record Owed(String period, String periodLabel, Submissions.Item item) {
        }
        List<Owed> owed = new ArrayList<>();
        List<String> periodsDue = new ArrayList<>();
        int dueCount = 0;
        int done = 0;
        for (Map.Entry<String, CompletableFuture<Reply<Submissions>>> e : submissions.entrySet()) {
            Panel<Submissions> panel = Calls.panel(e.getValue(), Service.INDICATORS, Reply::body);
            if (!panel.available() || panel.data() == null) {
                return Panel.unavailable(Service.INDICATORS.displayName());
            }
            String label = Objects.toString(panel.data().periodLabel(), Periods.label(e.getKey()));
            for (Submissions.AgencyReturns returns : orEmpty(panel.data().agencies())) {
                if (!agency.equals(returns.agency())) {
                    continue;
                }
                List<Submissions.Item> items = orEmpty(returns.items());
                if (!items.isEmpty()) {
                    periodsDue.add(label);
                }
                for (Submissions.Item item : items) {
                    dueCount++;
                    String status = String.valueOf(item.status());
                    if (status.equals("SUBMITTED") || status.equals("APPROVED")) {
                        done++;
                    } else {
                        owed.add(new Owed(e.getKey(), label, item));
                    }
                }
            }
        }
        // The manager's reason is on the value itself: read the returned ones, all at once.
        Map<Owed, CompletableFuture<Reply<Value>>> reasons = new LinkedHashMap<>();
        for (Owed o : owed) {
            if ("RETURNED".equals(o.item().status())) {
                reasons.put(o, calls.read(Service.INDICATORS, () -> indicators.value(o.item().code(), o.period(), agency)));
            }
        }
        List<Task> tasks = new ArrayList<>();
        LocalDate asAt = periods.asAt();
        for (Owed o : owed) {
            String code = String.valueOf(o.item().code());
            String href = "/agency/" + agency + "/values/" + code + "/" + o.period();
            String name = o.item().title() + " (" + o.periodLabel() + ")";
            LocalDate due = periods.deadline(o.period());
            Urgency urgency = Urgency.of(due, asAt);
            String when = dueText(due, urgency);
            switch (String.valueOf(o.item().status())) {
                case "RETURNED" -> {
                    Panel<Value> value = Calls.panel(reasons.get(o), Service.INDICATORS, Reply::body);
                    Object reason = value.available() && value.data() != null ? value.data().returnReason() : null;
                    tasks.add(new Task(RETURN, name, href, when + (reason == null ? "Returned by the board manager"
                            : "Returned by the board manager: " + reason), TaskStatus.RETURNED, due, urgency));
                }
                case "DRAFT" -> tasks.add(new Task(RETURN, name, href, when + "Draft saved, not yet submitted: ready to check and submit", TaskStatus.IN_PROGRESS,
                        due, urgency));
                default -> tasks.add(new Task(RETURN, name, href, when + "No value entered yet", TaskStatus.NOT_STARTED, due, urgency));
            }
        }
        return Panel.of(new Values(tasks, dueCount, done, periodsDue), Service.INDICATORS.displayName());
    }

    private List<Task> actionTasks(List<Action> rows, String agency) {
        Instant staleBefore = periods.asAt().minusMonths(STALE_MONTHS).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Task> tasks = new ArrayList<>();
        for (Action a : rows) {
            if (!agency.equals(a.leadAgency()) || "COMPLETED".equals(a.delivery())) {
                continue;
            }
            String delivery = String.valueOf(a.delivery());
            Instant last = instant(a.lastUpdateAt());
            boolean stale = last == null || last.isBefore(staleBefore);
            if (!delivery.equals("OVERDUE") && !delivery.equals("AT_RISK") && !stale) {
                continue;
            }
            List<String> why = new ArrayList<>();
            if (delivery.equals("OVERDUE")) {
                why.add("Overdue: due " + Dates.words(a.dueDate()));
            } else if (delivery.equals("AT_RISK")) {
                why.add("At risk: due " + Dates.words(a.dueDate()));
            }
            why.add(last == null ? "No progress update yet" : "Last update " + Dates.words(a.lastUpdateAt()));
            String name = a.ref() + ": " + a.action();
            TaskStatus status = "NOT_STARTED".equals(a.status()) ? TaskStatus.NOT_STARTED : TaskStatus.IN_PROGRESS;
            LocalDate due = date(a.dueDate());
            // Late for delivery is late; at risk, or without an update for three months, owes an update now.
            Urgency urgency = delivery.equals("OVERDUE") || Urgency.of(due, periods.asAt()) == Urgency.LATE
                    ? Urgency.LATE : Urgency.DUE_SOON;
            tasks.add(new Task(ACTION, name, "/actions/" + a.id() + "/update", String.join(". ", why), status, due, urgency));
        }
        return tasks;
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
