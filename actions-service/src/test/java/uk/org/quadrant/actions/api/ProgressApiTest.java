package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress updates on actions (who may write them, what completing and closing need, stale versions,
 * dates), delivery RAG by due date, the filtered action list, roll-ups and the due-and-overdue feed.
 */
@MicronautTest(transactional = false)
class ProgressApiTest extends ApiTestBase {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AtomicInteger refs = new AtomicInteger();

    // --- who's who -------------------------------------------------------------------------------

    private String cscContributor() {
        return tokens.agencyUser("csc.worker", "CSC", "AGENCY_CONTRIBUTOR");
    }

    // --- fixtures --------------------------------------------------------------------------------

    private static LocalDate today() {
        return LocalDate.now(UK);
    }

    private long plan(String title) {
        Api.Res r = api().post(manager(), "/api/v1/plans", Map.of("title", title, "sourceType", "SERIOUS_CASE_REVIEW",
                "sourceRef", "progress-" + refs.incrementAndGet()));
        assertEquals(201, r.status, r::toString);
        return id(r.map());
    }

    private Map<String, Object> createAction(long planId, String lead, LocalDate due, Integer priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("ref", "P" + refs.incrementAndGet());
        body.put("issue", "Neglect not recognised early");
        body.put("action", "Roll out the neglect toolkit");
        body.put("outcome", "Earlier help for neglected children");
        body.put("dueDate", due.toString());
        body.put("leadRole", "Principal Social Worker");
        body.put("leadAgency", lead);
        if (priority != null) {
            body.put("priority", priority);
        }
        Api.Res r = api().post(manager(), "/api/v1/plans/" + planId + "/actions", body);
        assertEquals(201, r.status, r::toString);
        return r.map();
    }

    private long action(long planId, String lead, LocalDate due) {
        return id(createAction(planId, lead, due, 1));
    }

    private long cscAction() {
        return action(plan("CSC action"), "CSC", today().plusDays(90));
    }

    private static long id(Map<String, ?> m) {
        return ((Number) m.get("id")).longValue();
    }

    private Map<String, Object> read(long actionId) {
        Api.Res r = api().get(manager(), "/api/v1/actions/" + actionId);
        assertEquals(200, r.status, r::toString);
        return r.map();
    }

    private List<Map<String, Object>> updates(long actionId) {
        Api.Res r = api().get(tvpUser(), "/api/v1/actions/" + actionId + "/updates");
        assertEquals(200, r.status, r::toString);
        return r.list();
    }

    private List<Map<String, Object>> changes(long actionId) {
        Api.Res r = api().get(manager(), "/api/v1/change-log?entityType=action&entityId=" + actionId);
        assertEquals(200, r.status, r::toString);
        return r.list();
    }

    private static Map<String, Object> upd(String narrative, String difference, String status, Object version) {
        Map<String, Object> body = new HashMap<>();
        body.put("narrative", narrative);
        if (difference != null) {
            body.put("difference", difference);
        }
        if (status != null) {
            body.put("status", status);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private Api.Res update(long actionId, Map<String, Object> body, String token) {
        return api().post(token, "/api/v1/actions/" + actionId + "/updates", body);
    }

    private void complete(long actionId) {
        Api.Res r = update(actionId, upd("Done", "Audit shows the toolkit in use", "COMPLETED", null), manager());
        assertEquals(201, r.status, r::toString);
    }

    /** The action, its updates and its change-log entries, to show a refusal wrote nothing. */
    private String snapshot(long actionId) {
        Map<String, Object> a = read(actionId);
        return a.get("status") + "|" + a.get("version") + "|" + a.get("updatedBy") + "|" + a.get("updatedAt") + "|"
                + a.get("lastUpdateAt") + "|" + updates(actionId) + "|" + changes(actionId).size();
    }

    private static void assertProblemNaming(Api.Res r, int status, String field) {
        assertEquals(status, r.status, r::toString);
        assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
        assertTrue(r.body.contains("\"field\":\"" + field + "\""), "names " + field + ": " + r);
        assertFalse(r.body.contains("Exception"), r::toString);
    }

    // --- progress updates ------------------------------------------------------------------------

    @Test
    void theLeadAgencyRecordsProgressAndCompletesOnlyBySayingWhatDifferenceItMade() {
        long id = cscAction();
        assertEquals("NOT_STARTED", read(id).get("status"));

        Api.Res first = update(id, upd("Toolkit launched at two practice events", null, "IN_PROGRESS", 0), cscLead());
        assertEquals(201, first.status, first::toString);
        Map<String, Object> u = first.map();
        assertEquals("csc.lead", u.get("author"));
        assertEquals("CSC", u.get("agency"));
        assertEquals("IN_PROGRESS", u.get("statusAfter"));
        assertEquals(today().toString(), u.get("updateDate"));

        Map<String, Object> after = read(id);
        assertEquals("IN_PROGRESS", after.get("status"));
        assertEquals(1, ((Number) after.get("version")).intValue());
        assertEquals("csc.lead", after.get("updatedBy"));
        assertNotNull(after.get("lastUpdateAt"));

        String before = snapshot(id);
        assertProblemNaming(update(id, upd("All teams trained", null, "COMPLETED", 1), cscLead()), 400, "difference");
        assertProblemNaming(update(id, upd("All teams trained", "   ", "COMPLETED", 1), cscLead()), 400, "difference");
        assertEquals(before, snapshot(id), "nothing written by a refused completion");

        Api.Res done = update(id, upd("All teams trained", "Re-audit: neglect identified at first contact in 8 of 10 cases",
                "COMPLETED", 1), cscLead());
        assertEquals(201, done.status, done::toString);
        Map<String, Object> completed = read(id);
        assertEquals("COMPLETED", completed.get("status"));
        assertEquals("COMPLETED", completed.get("delivery"));
        List<Map<String, Object>> all = updates(id);
        assertEquals(2, all.size());
        assertEquals("Re-audit: neglect identified at first contact in 8 of 10 cases", all.get(1).get("difference"));

        List<Map<String, Object>> log = changes(id);
        assertTrue(log.stream().filter(e -> "UPDATE".equals(e.get("action"))).allMatch(e -> "csc.lead".equals(e.get("changedBy"))
                && "CSC".equals(e.get("changedByAgency"))), log::toString);
        assertEquals(2, log.stream().filter(e -> "UPDATE".equals(e.get("action"))).count(), log::toString);
    }

    @Test
    void anotherAgencyAndTheChairCannotUpdateAndNothingIsWritten() {
        long id = cscAction();
        String before = snapshot(id);
        for (String token : List.of(tvpLead(), tvpUser(), chair())) {
            Api.Res r = update(id, upd("Not ours to say", null, "IN_PROGRESS", 0), token);
            assertEquals(403, r.status, r::toString);
            assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
            Api.Res c = update(id, upd("Not ours to say", "None", "COMPLETED", null), token);
            assertEquals(403, c.status, c::toString);
        }
        assertEquals(before, snapshot(id));
        assertEquals("NOT_STARTED", read(id).get("status"));
    }

    @Test
    void aContributorOfTheLeadAgencyMayUpdate() {
        long id = cscAction();
        Api.Res r = update(id, upd("Started the toolkit pilot", null, "IN_PROGRESS", 0), cscContributor());
        assertEquals(201, r.status, r::toString);
        assertEquals("csc.worker", r.map().get("author"));
        assertEquals("IN_PROGRESS", read(id).get("status"));
        Api.Res narrativeOnly = update(id, upd("Pilot half way", null, null, null), cscContributor());
        assertEquals(201, narrativeOnly.status, narrativeOnly::toString);
        assertEquals("IN_PROGRESS", read(id).get("status"), "no status given: status unchanged");
        assertEquals(2, updates(id).size());
    }

    @Test
    void onlyTheManagerClosesAnActionOrReopensACompletedOne() {
        long id = cscAction();
        String lead = cscLead();
        assertEquals(201, update(id, upd("Under way", null, "IN_PROGRESS", null), lead).status);

        String before = snapshot(id);
        Api.Res closeEarly = update(id, upd("Close it", "It made a difference", "CLOSED", null), lead);
        assertEquals(403, closeEarly.status, closeEarly::toString);
        assertEquals(before, snapshot(id));

        assertEquals(201, update(id, upd("Finished", "Practice has changed", "COMPLETED", null), lead).status);
        before = snapshot(id);
        for (String token : List.of(lead, cscContributor())) {
            Api.Res close = update(id, upd("Close it", null, "CLOSED", null), token);
            assertEquals(403, close.status, "agency cannot close: " + close);
            for (String reopen : List.of("IN_PROGRESS", "NOT_STARTED")) {
                Api.Res r = update(id, upd("Re-open it", null, reopen, null), token);
                assertEquals(403, r.status, "only the board manager re-opens a completed action: " + r);
            }
        }
        assertEquals(before, snapshot(id), "nothing written by refused close/re-open");
        assertEquals("COMPLETED", read(id).get("status"));

        Api.Res closed = update(id, upd("Signed off by the board", null, "CLOSED", null), manager());
        assertEquals(201, closed.status, closed::toString);
        assertEquals("CLOSED", read(id).get("status"));
        assertEquals("COMPLETED", read(id).get("delivery"));

        Api.Res reopened = update(id, upd("Re-audit found the change did not last", null, "IN_PROGRESS", null), manager());
        assertEquals(201, reopened.status, reopened::toString);
        assertEquals("IN_PROGRESS", read(id).get("status"));

        assertProblemNaming(update(id, upd("Close without saying why", null, "CLOSED", null), manager()), 400, "difference");
    }

    @Test
    void aStaleVersionIs409AndNothingIsWritten() {
        long id = cscAction();
        long version = ((Number) read(id).get("version")).longValue();
        assertEquals(201, update(id, upd("First", null, "IN_PROGRESS", version), cscLead()).status);
        String before = snapshot(id);
        Api.Res stale = update(id, upd("Second, from an old page", null, null, version), cscContributor());
        assertEquals(409, stale.status, stale::toString);
        assertTrue(stale.contentType.startsWith("application/problem+json"), stale::toString);
        assertEquals(before, snapshot(id));
        assertEquals(1, updates(id).size());
        assertEquals(201, update(id, upd("Second, reloaded", null, null, version + 1), cscContributor()).status);
    }

    @Test
    void concurrentUpdatesFromTheSameVersionSaveExactlyOne() throws Exception {
        long id = cscAction();
        String lead = cscLead();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Res>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                replies.add(pool.submit(() -> update(id, upd("Edit " + n + " from the same page", null, "IN_PROGRESS", 0), lead)));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Api.Res> f : replies) {
                codes.add(f.get(30, TimeUnit.SECONDS).status);
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "exactly one edit wins: " + codes);
            assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), "the others are told it is stale, no 5xx: " + codes);
            assertEquals(1, updates(id).size(), "a losing edit leaves no update behind");
            assertEquals(1, ((Number) read(id).get("version")).intValue());
            assertEquals(1, changes(id).stream().filter(e -> "UPDATE".equals(e.get("action"))).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFutureDatedUpdateIs400NamingTheDate() {
        long id = cscAction();
        String before = snapshot(id);
        Map<String, Object> future = upd("Will have happened", null, "IN_PROGRESS", null);
        future.put("date", today().plusDays(2).toString());
        assertProblemNaming(update(id, future, cscLead()), 400, "date");
        assertEquals(before, snapshot(id));

        Map<String, Object> past = upd("Happened last week", null, "IN_PROGRESS", null);
        past.put("date", today().minusDays(7).toString());
        Api.Res r = update(id, past, cscLead());
        assertEquals(201, r.status, r::toString);
        assertEquals(today().minusDays(7).toString(), r.map().get("updateDate"));
    }

    @Test
    void updatesToAnUnknownActionAre404() {
        assertEquals(404, update(99_999_999L, upd("Nothing", null, null, null), manager()).status);
        assertEquals(404, api().get(manager(), "/api/v1/actions/99999999/updates").status);
    }

    // --- delivery --------------------------------------------------------------------------------

    @Test
    void deliveryFollowsTheDueDateAndCompletion() {
        long plan = plan("Delivery");
        Map<String, LocalDate> dues = Map.of(
                "OVERDUE", today().minusDays(1),
                "AT_RISK", today().plusDays(10),
                "ON_TRACK", today().plusDays(60));
        dues.forEach((expected, due) -> {
            Map<String, Object> created = createAction(plan, "CSC", due, 1);
            assertEquals(expected, created.get("delivery"), "due " + due + " on create");
            assertEquals(expected, read(id(created)).get("delivery"), "due " + due);
        });
        assertEquals("AT_RISK", read(action(plan, "CSC", today())).get("delivery"), "due today is not yet overdue");
        assertEquals("AT_RISK", read(action(plan, "CSC", today().plusDays(30))).get("delivery"), "due in 30 days");
        assertEquals("ON_TRACK", read(action(plan, "CSC", today().plusDays(31))).get("delivery"), "due in 31 days");

        long overdue = action(plan, "CSC", today().minusDays(5));
        long later = action(plan, "CSC", today().plusDays(60));
        complete(overdue);
        complete(later);
        assertEquals("COMPLETED", read(overdue).get("delivery"), "completed late is still completed");
        assertEquals("COMPLETED", read(later).get("delivery"));

        long progressed = action(plan, "CSC", today().plusDays(10));
        assertEquals(201, update(progressed, upd("Under way", null, "IN_PROGRESS", null), cscLead()).status);
        assertEquals("AT_RISK", read(progressed).get("delivery"), "an update does not move a due date");
    }

    @Test
    void theActionListFiltersByDeliveryAgencyAndPriority() {
        long plan = plan("Filters");
        long cscOverdue = id(createAction(plan, "CSC", today().minusDays(3), 5));
        long cscOnTrack = id(createAction(plan, "CSC", today().plusDays(90), 5));
        long tvpOverdue = id(createAction(plan, "TVP", today().minusDays(3), 5));

        Api.Res r = api().get(tvpUser(), "/api/v1/actions?delivery=OVERDUE&agency=CSC");
        assertEquals(200, r.status, r::toString);
        List<Map<String, Object>> list = r.list();
        assertTrue(list.stream().allMatch(a -> "CSC".equals(a.get("leadAgency")) && "OVERDUE".equals(a.get("delivery"))), list::toString);
        Set<Long> ids = list.stream().map(ProgressApiTest::id).collect(Collectors.toSet());
        assertTrue(ids.contains(cscOverdue));
        assertFalse(ids.contains(cscOnTrack));
        assertFalse(ids.contains(tvpOverdue));

        List<Map<String, Object>> p5 = api().get(cscLead(), "/api/v1/actions?priority=5&agency=CSC").list();
        assertEquals(Set.of(cscOverdue, cscOnTrack), p5.stream().map(ProgressApiTest::id).collect(Collectors.toSet()));
        List<String> dueDates = api().get(cscLead(), "/api/v1/actions").list().stream().map(a -> (String) a.get("dueDate")).toList();
        assertEquals(dueDates.stream().sorted().toList(), dueDates, "listed by due date");

        assertProblemNaming(api().get(cscLead(), "/api/v1/actions?agency=NOPE"), 400, "agency");
        assertProblemNaming(api().get(cscLead(), "/api/v1/actions?delivery=LATE"), 400, "delivery");
    }

    // --- roll-ups and the due feed ---------------------------------------------------------------

    @Test
    void rollupsCountDeliveryByAgencyPriorityAndPlan() {
        long plan = plan("Roll-up");
        // YJS and priority 7 are used by no other test here.
        long late1 = id(createAction(plan, "YJS", today().minusDays(20), 7));
        long late2 = id(createAction(plan, "YJS", today().minusDays(1), 7));
        id(createAction(plan, "YJS", today().plusDays(10), 7));
        id(createAction(plan, "YJS", today().plusDays(60), 7));
        id(createAction(plan, "YJS", today().plusDays(200), 7));
        long done = id(createAction(plan, "YJS", today().plusDays(5), 7));
        complete(done);

        for (String[] by : List.of(new String[]{"agency", "YJS"}, new String[]{"priority", "7"},
                new String[]{"plan", Long.toString(plan)})) {
            Api.Res r = api().get(tvpUser(), "/api/v1/rollups?by=" + by[0]);
            assertEquals(200, r.status, r::toString);
            Map<String, Object> row = r.list().stream().filter(x -> by[1].equals(String.valueOf(x.get("key")))).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + by[1] + " in " + r));
            String what = "by " + by[0] + ": " + row;
            assertEquals(6, ((Number) row.get("total")).intValue(), what);
            assertEquals(1, ((Number) row.get("completed")).intValue(), what);
            assertEquals(2, ((Number) row.get("overdue")).intValue(), what);
            assertEquals(1, ((Number) row.get("atRisk")).intValue(), what);
            assertEquals(2, ((Number) row.get("onTrack")).intValue(), what);
            assertEquals(0, new BigDecimal("16.7").compareTo(new BigDecimal(row.get("percentCompleted").toString())), what);
            assertTrue(r.body.contains("\"percentCompleted\":16.7,"), "one decimal place: " + r.body);
            assertEquals(1, ((Number) row.get("dueInNext30Days")).intValue(), what);
            List<?> late = (List<?>) row.get("overdueActions");
            assertEquals(Set.of(late1, late2), late.stream().map(x -> ((Number) ((Map<?, ?>) x).get("id")).longValue())
                    .collect(Collectors.toSet()), what);
            Map<?, ?> first = (Map<?, ?>) late.get(0);
            assertEquals(late1, ((Number) first.get("id")).longValue(), "soonest (most overdue) first: " + what);
            assertEquals(today().minusDays(20).toString(), first.get("dueDate"));
            assertEquals("YJS", first.get("leadAgency"));
            assertEquals(plan, ((Number) first.get("planId")).longValue());
            assertNotNull(first.get("ref"));
        }

        Api.Res byDefault = api().get(chair(), "/api/v1/rollups");
        assertEquals(200, byDefault.status, byDefault::toString);
        assertTrue(byDefault.list().stream().anyMatch(x -> "YJS".equals(x.get("key"))), "agency by default");
    }

    @Test
    void aWholeNumberPercentageStillHasOneDecimalPlace() {
        long plan = plan("Half done");
        long a = action(plan, "VCS", today().plusDays(90));
        action(plan, "VCS", today().plusDays(90));
        complete(a);
        Api.Res r = api().get(manager(), "/api/v1/rollups?by=plan");
        Map<String, Object> row = r.list().stream().filter(x -> Long.toString(plan).equals(String.valueOf(x.get("key"))))
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("50").compareTo(new BigDecimal(row.get("percentCompleted").toString())), row::toString);
        assertTrue(r.body.contains("\"key\":\"" + plan + "\",\"total\":2,\"completed\":1,\"overdue\":0,\"atRisk\":0,\"onTrack\":1,"
                + "\"percentCompleted\":50.0,"), r::toString);
    }

    @Test
    void rollupsWithoutOverdueActionsHaveTheSameCountsAndEmptyLists() {
        long plan = plan("Counts only");
        action(plan, "CRC", today().minusDays(3));
        action(plan, "CRC", today().minusDays(1));
        action(plan, "CRC", today().plusDays(90));
        for (String by : List.of("agency", "priority", "plan")) {
            Api.Res full = api().get(chair(), "/api/v1/rollups?by=" + by);
            Api.Res counts = api().get(chair(), "/api/v1/rollups?by=" + by + "&overdueActions=false");
            assertEquals(200, counts.status, counts::toString);
            assertEquals(full.list().size(), counts.list().size(), by);
            assertTrue(full.list().stream().anyMatch(r -> !((List<?>) r.get("overdueActions")).isEmpty()), "some key has overdue actions: " + full);
            for (int i = 0; i < full.list().size(); i++) {
                Map<String, Object> withItems = new HashMap<>(full.list().get(i));
                Map<String, Object> without = new HashMap<>(counts.list().get(i));
                assertEquals(List.of(), without.get("overdueActions"), by + ": " + without);
                withItems.remove("overdueActions");
                without.remove("overdueActions");
                assertEquals(withItems, without, "same counts by " + by);
            }
        }
        assertEquals(api().get(chair(), "/api/v1/rollups?by=plan").body,
                api().get(chair(), "/api/v1/rollups?by=plan&overdueActions=true").body, "true is the default");
        assertProblemNaming(api().get(manager(), "/api/v1/rollups?overdueActions=maybe"), 400, "overdueActions");
    }

    @Test
    void rollupsByAnythingElseIs400NamingBy() {
        assertProblemNaming(api().get(manager(), "/api/v1/rollups?by=nonsense"), 400, "by");
    }

    @Test
    void theDueFeedListsOpenActionsDueWithinTheWindowOrOverdueSoonestFirst() {
        long plan = plan("Due feed");
        // OUH is used by no other test here.
        long overdue = action(plan, "OUH", today().minusDays(5));
        long soon = action(plan, "OUH", today().plusDays(5));
        long edge = action(plan, "OUH", today().plusDays(30));
        long beyond = action(plan, "OUH", today().plusDays(45));
        long doneSoon = action(plan, "OUH", today().plusDays(3));
        long doneLate = action(plan, "OUH", today().minusDays(2));
        complete(doneSoon);
        complete(doneLate);
        long inProgress = action(plan, "OUH", today().plusDays(20));
        assertEquals(201, update(inProgress, upd("Under way", null, "IN_PROGRESS", null), tokens.agencyUser("ouh.lead", "OUH",
                "AGENCY_LEAD")).status);

        Api.Res r = api().get(tvpUser(), "/api/v1/actions/due?days=30&agency=OUH");
        assertEquals(200, r.status, r::toString);
        assertEquals(List.of(overdue, soon, inProgress, edge), r.list().stream().map(ProgressApiTest::id).toList(), r::toString);
        Map<String, Object> first = r.list().get(0);
        assertEquals(today().minusDays(5).toString(), first.get("dueDate"));
        assertEquals("OUH", first.get("leadAgency"));
        assertEquals(plan, ((Number) first.get("planId")).longValue());

        List<Map<String, Object>> all = api().get(manager(), "/api/v1/actions/due?days=30").list();
        List<String> dates = all.stream().map(x -> (String) x.get("dueDate")).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "soonest first");
        assertTrue(dates.stream().allMatch(d -> !LocalDate.parse(d).isAfter(today().plusDays(30))), dates::toString);
        Set<Long> ids = all.stream().map(ProgressApiTest::id).collect(Collectors.toSet());
        assertFalse(ids.contains(beyond) || ids.contains(doneSoon) || ids.contains(doneLate), all::toString);

        assertEquals(all.stream().map(ProgressApiTest::id).toList(),
                api().get(manager(), "/api/v1/actions/due").list().stream().map(ProgressApiTest::id).toList(), "30 days by default");
        assertTrue(api().get(manager(), "/api/v1/actions/due?days=60&agency=OUH").list().stream()
                .anyMatch(x -> id(x) == beyond), "a wider window reaches further");
        assertProblemNaming(api().get(manager(), "/api/v1/actions/due?days=-1"), 400, "days");
        assertProblemNaming(api().get(manager(), "/api/v1/actions/due?days=soon"), 400, "days");
    }
}
