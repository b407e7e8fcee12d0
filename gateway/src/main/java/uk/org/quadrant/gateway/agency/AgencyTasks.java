package uk.org.quadrant.gateway.agency;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.forms.Dates;
import uk.org.quadrant.gateway.forms.Periods;

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
    private static final List<String> CASE_AUDITS = List.of("MULTI_AGENCY_CASE_AUDIT", "SINGLE_AGENCY_AUDIT");
    private static final List<String> OPEN_AUDITS = List.of("PLANNED", "IN_PROGRESS");

    private final Downstream downstream;
    private final Periods periods;

    AgencyTasks(Downstream downstream, Periods periods) {
        this.downstream = downstream;
        this.periods = periods;
    }

    /** The values section: what is owed, and how many of the period's returns are already in. */
    public record Values(List<Task> tasks, int due, int done, List<String> periodsDue) {
    }

    /** The Section 11 section: the current cycle's standards, or none started. */
    public record SelfAssessment(String cycleLabel, List<Task> tasks, int rated, int standards) {
    }

    public Map<String, Panel<?>> compose(HttpRequest<?> request, String agency) {
        Calls calls = downstream.forRequest(request);
        Map<String, String> due = periods.due();
        Map<String, CompletableFuture<Reply>> submissions = new LinkedHashMap<>();
        due.forEach((frequency, period) ->
                submissions.put(period, calls.get(Service.INDICATORS, "/api/v1/submissions?period=" + Calls.enc(period))));
        CompletableFuture<Reply> actions = calls.get(Service.ACTIONS, "/api/v1/actions?agency=" + Calls.enc(agency));
        CompletableFuture<Reply> audits = calls.get(Service.AUDITS, "/api/v1/audits");
        CompletableFuture<Reply> assessments = calls.get(Service.AUDITS, "/api/v1/section11/assessments");

        Map<String, Panel<?>> panels = new LinkedHashMap<>();
        panels.put("indicatorValues", values(calls, submissions, agency));
        panels.put("actions", Calls.panel(actions, Service.ACTIONS, Reply::rows).map(rows -> actionTasks(rows, agency)));
        panels.put("audits", Calls.panel(audits, Service.AUDITS, Reply::rows).map(rows -> auditTasks(rows, agency)));
        panels.put("selfAssessment", Calls.panel(assessments, Service.AUDITS, Reply::rows).map(rows -> selfAssessment(rows, agency)));
        return panels;
    }

    private Panel<Values> values(Calls calls, Map<String, CompletableFuture<Reply>> submissions, String agency) {
        record Owed(String period, String periodLabel, Map<String, Object> item) {
        }
        List<Owed> owed = new ArrayList<>();
        List<String> periodsDue = new ArrayList<>();
        int dueCount = 0;
        int done = 0;
        for (Map.Entry<String, CompletableFuture<Reply>> e : submissions.entrySet()) {
            Panel<Map<String, Object>> panel = Calls.panel(e.getValue(), Service.INDICATORS, Reply::map);
            if (!panel.available()) {
                return Panel.unavailable(Service.INDICATORS.displayName());
            }
            String label = Objects.toString(panel.data().get("periodLabel"), Periods.label(e.getKey()));
            for (Map<String, Object> returns : list(panel.data().get("agencies"))) {
                if (!agency.equals(returns.get("agency"))) {
                    continue;
                }
                List<Map<String, Object>> items = list(returns.get("items"));
                if (!items.isEmpty()) {
                    periodsDue.add(label);
                }
                for (Map<String, Object> item : items) {
                    dueCount++;
                    String status = String.valueOf(item.get("status"));
                    if (status.equals("SUBMITTED") || status.equals("APPROVED")) {
                        done++;
                    } else {
                        owed.add(new Owed(e.getKey(), label, item));
                    }
                }
            }
        }
        // The manager's reason is on the value itself: read the returned ones, all at once.
        Map<Owed, CompletableFuture<Reply>> reasons = new LinkedHashMap<>();
        for (Owed o : owed) {
            if ("RETURNED".equals(o.item().get("status"))) {
                reasons.put(o, calls.get(Service.INDICATORS, "/api/v1/indicators/" + Calls.enc(String.valueOf(o.item().get("code")))
                        + "/values/" + Calls.enc(o.period()) + "?agency=" + Calls.enc(agency)));
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Owed o : owed) {
            String code = String.valueOf(o.item().get("code"));
            String href = "/agency/" + agency + "/values/" + code + "/" + o.period();
            String name = o.item().get("title") + " (" + o.periodLabel() + ")";
            switch (String.valueOf(o.item().get("status"))) {
                case "RETURNED" -> {
                    Panel<Map<String, Object>> value = Calls.panel(reasons.get(o), Service.INDICATORS, Reply::map);
                    Object reason = value.available() ? value.data().get("returnReason") : null;
                    tasks.add(new Task(name, href, reason == null ? "Returned by the board manager"
                            : "Returned by the board manager: " + reason, TaskStatus.RETURNED));
                }
                case "DRAFT" -> tasks.add(new Task(name, href, "Draft saved, not yet submitted", TaskStatus.IN_PROGRESS));
                default -> tasks.add(new Task(name, href, "No value entered yet", TaskStatus.NOT_STARTED));
            }
        }
        tasks.sort(Comparator.comparing((Task t) -> t.status() != TaskStatus.RETURNED));
        return Panel.of(new Values(tasks, dueCount, done, periodsDue), Service.INDICATORS.displayName());
    }

    private List<Task> actionTasks(List<Map<String, Object>> rows, String agency) {
        Instant staleBefore = periods.asAt().minusMonths(STALE_MONTHS).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Task> tasks = new ArrayList<>();
        for (Map<String, Object> a : rows) {
            if (!agency.equals(a.get("leadAgency")) || "COMPLETED".equals(a.get("delivery"))) {
                continue;
            }
            String delivery = String.valueOf(a.get("delivery"));
            Instant last = instant(a.get("lastUpdateAt"));
            boolean stale = last == null || last.isBefore(staleBefore);
            if (!delivery.equals("OVERDUE") && !delivery.equals("AT_RISK") && !stale) {
                continue;
            }
            List<String> why = new ArrayList<>();
            if (delivery.equals("OVERDUE")) {
                why.add("Overdue: due " + Dates.words(a.get("dueDate")));
            } else if (delivery.equals("AT_RISK")) {
                why.add("At risk: due " + Dates.words(a.get("dueDate")));
            }
            why.add(last == null ? "No progress update yet" : "Last update " + Dates.words(a.get("lastUpdateAt")));
            String name = a.get("ref") + ": " + a.get("action");
            TaskStatus status = "NOT_STARTED".equals(a.get("status")) ? TaskStatus.NOT_STARTED : TaskStatus.IN_PROGRESS;
            tasks.add(new Task(name, "/actions/" + a.get("id") + "/update", String.join(". ", why), status));
        }
        return tasks;
    }

    private static List<Task> auditTasks(List<Map<String, Object>> rows, String agency) {
        List<Task> tasks = new ArrayList<>();
        for (Map<String, Object> a : rows) {
            boolean takesPart = agency.equals(a.get("leadAgency")) || strings(a.get("participatingAgencies")).contains(agency);
            if (!takesPart || !OPEN_AUDITS.contains(String.valueOf(a.get("status")))) {
                continue;
            }
            boolean grades = CASE_AUDITS.contains(String.valueOf(a.get("type")));
            String href = "/audits/" + a.get("id") + (grades ? "/cases/new" : "/findings/new");
            String hint = (grades ? "Record case grades and findings" : "Record findings")
                    + (a.get("plannedEnd") != null ? ". Planned to finish " + Dates.words(a.get("plannedEnd")) : "");
            tasks.add(new Task(String.valueOf(a.get("title")), href, hint,
                    "IN_PROGRESS".equals(a.get("status")) ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED));
        }
        return tasks;
    }

    private static SelfAssessment selfAssessment(List<Map<String, Object>> rows, String agency) {
        Map<String, Object> current = rows.stream()
                .filter(r -> agency.equals(r.get("agency")))
                .max(Comparator.comparing(r -> String.valueOf(r.get("cycle"))))
                .orElse(null);
        if (current == null) {
            return null;
        }
        List<Task> tasks = new ArrayList<>();
        int rated = 0;
        List<Map<String, Object>> standards = list(current.get("standards"));
        for (Map<String, Object> s : standards) {
            String href = "/self-assessment/" + current.get("id") + "/standards/" + s.get("code");
            Object rag = s.get("rag");
            if (rag == null) {
                tasks.add(new Task(s.get("code") + ": " + s.get("title"), href, "Not yet rated", TaskStatus.NOT_STARTED));
            } else {
                rated++;
                tasks.add(new Task(s.get("code") + ": " + s.get("title"), href, "Rated " + rag, TaskStatus.COMPLETED));
            }
        }
        return new SelfAssessment(Periods.label(String.valueOf(current.get("cycle"))), tasks, rated, standards.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object e : l) {
                if (e instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
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
