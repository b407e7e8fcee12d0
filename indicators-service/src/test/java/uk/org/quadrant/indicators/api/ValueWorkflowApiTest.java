package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.contains;
import static uk.org.quadrant.common.testing.api.Api.enc;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * The "done when" journey of the indicators service over HTTP: the board manager defines a
 * CP-PLANS-like indicator with a target, Children's Social Care enters and signs off three years
 * of figures, and the series, change, scorecard, exceptions and change log say what the board
 * papers say (569 → 730 is a rise of 161, 28.3 %). Indicator codes here start with "VW-".
 */
@MicronautTest
class ValueWorkflowApiTest extends ApiTestBase {

    private static Map<String, Object> cpPlans(String code) {
        return indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 5);
    }

    @Test
    void doneWhenJourney() {
        String code = "VW-CP-PLANS";
        Api api = api();

        // The manager defines the indicator and its target.
        Api.Res created = define(cpPlans(code));
        assertEquals(code, created.get("code"));
        assertEquals(Boolean.TRUE, created.get("published"), "published by default");
        assertNumber("10", created.get("tolerancePercent"), "tolerancePercent");
        Api.Res target = api.put(manager(), INDICATORS + "/" + code + "/targets/2017April", Map.of("value", 700)).expect(200);
        assertNumber("700", target.get("value"), "target");

        // CSC enters two years; the lead submits and the manager approves them.
        Api.Res first = enter(cscUser(), code, "2015April", 569, null).expect(200);
        assertEquals("DRAFT", first.get("status"));
        assertEquals("CSC", first.get("agency"));
        assertEquals("csc.user", first.get("updatedBy"));
        for (String period : List.of("2015April", "2016April")) {
            if (period.equals("2016April")) {
                enter(cscUser(), code, period, 607, null).expect(200);
            }
            Api.Res submitted = api.post(cscLead(), value(code, period) + "/submit", Map.of()).expect(200);
            assertEquals("SUBMITTED", submitted.get("status"));
            assertEquals("csc.lead", submitted.get("submittedBy"));
            Api.Res approved = api.post(manager(), value(code, period) + "/approve", Map.of()).expect(200);
            assertEquals("APPROVED", approved.get("status"));
            assertEquals("manager", approved.get("approvedBy"));
        }

        // 2017/18: entered, corrected once (UPDATE), submitted and approved.
        Api.Res draft = enter(cscUser(), code, "2017April", 731, null).expect(200);
        Api.Res corrected = enter(cscUser(), code, "2017April", 730, draft.version()).expect(200);
        assertNumber("730", corrected.get("value"), "corrected value");
        assertNotEquals(draft.version(), corrected.version(), "version moves on each write");
        assertEquals(Boolean.FALSE, corrected.get("outlier"), "607 -> 730 is not an outlier");
        api.post(cscLead(), value(code, "2017April") + "/submit", body("version", corrected.version())).expect(200);
        Api.Res approved = api.post(manager(), value(code, "2017April") + "/approve", Map.of()).expect(200);
        assertEquals("APPROVED", approved.get("status"));
        assertEquals("2017/18", approved.get("periodLabel"));

        // Series: RAG against the target (700, tolerance 10 %: 730 is over 700 but within 770, so AMBER),
        // direction against the previous year (lower is better: up is WORSENING), change and change %.
        List<Map<String, Object>> series = api.get(manager(), INDICATORS + "/" + code + "/series").expect(200).list();
        assertEquals(List.of("2015April", "2016April", "2017April"), series.stream().map(p -> p.get("period")).toList());
        Map<String, Object> p15 = series.get(0);
        assertNumber("569", p15.get("value"), "2015 value");
        assertEquals("DATA_ONLY", p15.get("rag"));
        assertEquals("NO_PREVIOUS", p15.get("direction"));
        assertNull(p15.get("change"));
        assertNull(p15.get("changePercent"));
        Map<String, Object> p16 = series.get(1);
        assertNumber("607", p16.get("value"), "2016 value");
        assertEquals("DATA_ONLY", p16.get("rag"), "no target for 2016/17");
        assertEquals("WORSENING", p16.get("direction"));
        assertNumber("38", p16.get("change"), "2016 change");
        assertNumber("6.7", p16.get("changePercent"), "2016 change % (38/569 = 6.68)");
        Map<String, Object> p17 = series.get(2);
        assertNumber("730", p17.get("value"), "2017 value");
        assertNumber("700", p17.get("target"), "2017 target");
        assertEquals("AMBER", p17.get("rag"));
        assertEquals("WORSENING", p17.get("direction"));
        assertNumber("123", p17.get("change"), "2017 change");
        assertNumber("20.3", p17.get("changePercent"), "2017 change % (123/607 = 20.26)");
        assertEquals("APPROVED", p17.get("status"));
        assertEquals("2017/18", p17.get("periodLabel"));

        // Change over the two years, as the board paper quotes it.
        Map<String, Object> change = api.get(manager(), INDICATORS + "/" + code + "/change?from=2015April&to=2017April")
                .expect(200).map();
        assertEquals("2015April", change.get("from"));
        assertEquals("2017April", change.get("to"));
        assertNumber("569", change.get("fromValue"), "fromValue");
        assertNumber("730", change.get("toValue"), "toValue");
        assertNumber("161", change.get("change"), "change");
        assertNumber("28.3", change.get("changePercent"), "changePercent (161/569 = 28.295)");

        // Scorecard row (filtered by owner, priority and as-at period) and as at the year before.
        List<Map<String, Object>> scorecard = api.get(manager(), "/api/v1/scorecard?agency=CSC&priority=5&period=2017April")
                .expect(200).list();
        Map<String, Object> row = find(scorecard, "code", code);
        assertEquals("2017April", row.get("period"));
        assertNumber("730", row.get("value"), "scorecard value");
        assertNumber("700", row.get("target"), "scorecard target");
        assertEquals("AMBER", row.get("rag"));
        assertEquals("WORSENING", row.get("direction"));
        assertNumber("123", row.get("change"), "scorecard change");
        assertNumber("20.3", row.get("changePercent"), "scorecard change %");
        assertEquals("APPROVED", row.get("status"));
        assertEquals("CSC", row.get("ownerAgency"));
        assertEquals(3, ((List<?>) row.get("trend")).size(), "trend: " + row);
        Map<String, Object> asAt2016 = find(api.get(manager(), "/api/v1/scorecard?period=2016April").expect(200).list(), "code", code);
        assertNumber("607", asAt2016.get("value"), "scorecard as at 2016/17");
        assertEquals("DATA_ONLY", asAt2016.get("rag"));
        assertFalse(contains(api.get(manager(), "/api/v1/scorecard?priority=4").expect(200).list(), "code", code), "priority filter");
        assertFalse(contains(api.get(manager(), "/api/v1/scorecard?agency=TVP").expect(200).list(), "code", code), "agency filter");

        // AMBER and WORSENING is an exception.
        assertTrue(contains(exceptions(), "code", code), "AMBER + WORSENING is an exception");
        assertFalse(contains(api.get(manager(), "/api/v1/exceptions?period=2016April").expect(200).list(), "code", code),
                "as at 2016/17 (DATA_ONLY) it is not an exception");

        // Approved is locked, for the agency and for the manager.
        enter(cscUser(), code, "2017April", 729, approved.version()).expect(409);
        api.put(manager(), value(code, "2017April"), body("agency", "CSC", "value", 729, "version", approved.version())).expect(409);

        // Re-opening needs a reason; it returns the value to the agency, who can then edit it.
        api.post(manager(), value(code, "2017April") + "/reopen", Map.of()).expectFieldError("reason");
        api.post(manager(), value(code, "2017April") + "/reopen", body("reason", "   ")).expectFieldError("reason");
        Api.Res reopened = api.post(manager(), value(code, "2017April") + "/reopen",
                body("reason", "Figure double counts transfers in", "version", approved.version())).expect(200);
        assertEquals("RETURNED", reopened.get("status"));
        assertEquals("Figure double counts transfers in", reopened.get("returnReason"));
        assertNull(reopened.get("approvedBy"), "no longer approved");
        Api.Res edited = enter(cscUser(), code, "2017April", 690, reopened.version()).expect(200);
        assertEquals("DRAFT", edited.get("status"));
        assertNumber("690", edited.get("value"), "edited");

        // A stale version is refused, on an edit and on an action.
        enter(cscUser(), code, "2017April", 691, reopened.version()).expect(409);
        api.post(cscLead(), value(code, "2017April") + "/submit", body("version", reopened.version())).expect(409);
        assertNumber("690", api.get(cscUser(), value(code, "2017April")).expect(200).get("value"), "stale writes changed nothing");

        // 690 is GREEN (at or under target): submitted, it is on the scorecard but not an exception.
        Api.Res resubmitted = api.post(cscLead(), value(code, "2017April") + "/submit", body("version", edited.version())).expect(200);
        Map<String, Object> green = find(api.get(manager(), "/api/v1/scorecard").expect(200).list(), "code", code);
        assertEquals("GREEN", green.get("rag"));
        assertEquals("SUBMITTED", green.get("status"));
        assertFalse(contains(exceptions(), "code", code), "GREEN is not an exception");

        // Returning needs a reason too; returned, it is edited to 800 (over 770: RED) and approved.
        api.post(manager(), value(code, "2017April") + "/return", Map.of()).expectFieldError("reason");
        Api.Res returned = api.post(manager(), value(code, "2017April") + "/return",
                body("reason", "Please check against the CP register", "version", resubmitted.version())).expect(200);
        assertEquals("RETURNED", returned.get("status"));
        Api.Res red = enter(cscUser(), code, "2017April", 800, returned.version()).expect(200);
        api.post(cscLead(), value(code, "2017April") + "/submit", body("version", red.version())).expect(200);
        api.post(manager(), value(code, "2017April") + "/approve", Map.of()).expect(200);
        Map<String, Object> redRow = find(exceptions(), "code", code);
        assertEquals("RED", redRow.get("rag"));
        assertNumber("800", redRow.get("value"), "red value");

        // The change log has every step, attributed.
        List<Map<String, Object>> log = api.get(manager(),
                "/api/v1/change-log?entityType=value&entityId=" + enc(code + "/CSC/2017April") + "&limit=100").expect(200).list();
        List<String> actions = log.stream().map(e -> e.get("action") + " by " + e.get("changedBy")).toList();
        for (String expected : List.of("CREATE by csc.user", "UPDATE by csc.user", "SUBMIT by csc.lead", "APPROVE by manager",
                "REOPEN by manager", "RETURN by manager")) {
            assertTrue(actions.contains(expected), "change log lacks '" + expected + "': " + actions);
        }
        Map<String, Object> create = find(log, "action", "CREATE");
        assertEquals("CSC", create.get("changedByAgency"));
        assertNull(create.get("oldValue"), "a create has no old value");
        assertTrue(String.valueOf(create.get("newValue")).contains("\"value\":731,"), "new value recorded: " + create);
        assertTrue(log.stream().anyMatch(e -> "UPDATE".equals(e.get("action"))
                        && String.valueOf(e.get("oldValue")).contains("\"value\":731,")
                        && String.valueOf(e.get("newValue")).contains("\"value\":730,")),
                "the correction 731 -> 730 is recorded with old and new value: " + log);
        assertNotNull(find(log, "action", "APPROVE").get("changedAt"));
        // The chair reads the change log too; an agency does not.
        api.get(chair(), "/api/v1/change-log?entityType=value&entityId=" + enc(code + "/CSC/2017April")).expect(403);
        api.get(cscLead(), "/api/v1/change-log?entityType=value&entityId=" + enc(code + "/CSC/2017April")).expect(403);
    }

    @Test
    void contributorCannotSubmitAndLeadCannotApprove() {
        String code = "VW-ROLES";
        define(cpPlans(code));
        Api api = api();
        enter(cscUser(), code, "2016April", 100, null).expect(200);
        api.post(cscUser(), value(code, "2016April") + "/submit", Map.of()).expect(403);
        assertEquals("DRAFT", api.get(cscUser(), value(code, "2016April")).expect(200).get("status"), "still a draft");
        api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200);
        api.post(cscLead(), value(code, "2016April") + "/approve", Map.of()).expect(403);
        api.post(cscLead(), value(code, "2016April") + "/return", body("reason", "no")).expect(403);
        api.post(cscUser(), value(code, "2016April") + "/approve", Map.of()).expect(403);
        api.post(chair(), value(code, "2016April") + "/approve", Map.of()).expect(403);
        assertEquals("SUBMITTED", api.get(cscLead(), value(code, "2016April")).expect(200).get("status"), "still submitted");
        // A submitted value is not editable by the agency until it is returned.
        long version = api.get(cscUser(), value(code, "2016April")).expect(200).version();
        enter(cscUser(), code, "2016April", 101, version).expect(409);
        api.post(manager(), value(code, "2016April") + "/approve", null).expect(200); // no body at all is fine
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String code = "VW-TRANSITIONS";
        define(cpPlans(code));
        Api api = api();
        enter(cscUser(), code, "2016April", 100, null).expect(200);
        api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200);
        api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(409);           // submitted twice
        api.post(manager(), value(code, "2016April") + "/reopen", body("reason", "x")).expect(409); // not approved
        api.post(manager(), value(code, "2016April") + "/approve", Map.of()).expect(200);
        api.post(manager(), value(code, "2016April") + "/approve", Map.of()).expect(409);          // approved twice
        api.post(manager(), value(code, "2016April") + "/return", body("reason", "x")).expect(409); // approved: reopen instead
        api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(409);           // approved
        api.post(manager(), value(code, "2016April") + "/reopen", body("reason", "x")).expect(200);
        api.post(manager(), value(code, "2016April") + "/reopen", body("reason", "x")).expect(409); // already returned
        api.post(manager(), value(code, "2016April") + "/approve", Map.of()).expect(409);          // returned: not submitted
        // A returned value can be submitted again as it is.
        assertEquals("SUBMITTED", api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200).get("status"));
        // No value at all: nothing to submit.
        int status = api.post(cscLead(), value(code, "2015April") + "/submit", Map.of()).status;
        assertTrue(status == 404 || status == 409, "submitting a value that does not exist: " + status);
    }

    @Test
    void updatingAValueNeedsItsVersion() {
        String code = "VW-VERSION";
        define(cpPlans(code));
        Api.Res v = enter(cscUser(), code, "2016April", 100, null).expect(200);
        // No version says "new value": this one exists, so it is a conflict like any stale version.
        enter(cscUser(), code, "2016April", 101, null).expect(409);
        enter(cscUser(), code, "2016April", 101, v.version() + 7).expect(409);
        // A version for a value that does not exist yet is stale too.
        enter(cscUser(), code, "2015April", 101, 3L).expect(409);
        assertNumber("100", api().get(cscUser(), value(code, "2016April")).expect(200).get("value"), "unchanged");
        enter(cscUser(), code, "2016April", 102, v.version()).expect(200);
    }

    /** Two people save the same version at once: one wins, the others get 409, and the log has one UPDATE. */
    @Test
    void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
        String code = "VW-RACE";
        define(cpPlans(code));
        long version = enter(cscUser(), code, "2016April", 100, null).expect(200).version();
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        String token = cscUser();
        for (int k = 0; k < n; k++) {
            int amount = 200 + k;
            results.add(pool.submit(() -> {
                start.await();
                return enter(token, code, "2016April", amount, version).status;
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : results) {
            statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one wins: " + statuses);
        assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), "the rest are stale: " + statuses);
        List<Map<String, Object>> log = api().get(manager(), "/api/v1/change-log?entityType=value&entityId="
                + enc(code + "/CSC/2016April")).expect(200).list();
        assertEquals(1, log.stream().filter(e -> "UPDATE".equals(e.get("action"))).count(), "one UPDATE logged: " + log);
    }

    /**
     * Two people enter the same new value at once (found by scripts/load/integrity-load.sh: the loser
     * got a 500 from the unique key, or a 400 asking for a version): one wins, the others get 409,
     * and the log has one CREATE.
     */
    @Test
    void concurrentCreatesOfOneNewValueLetExactlyOneWin() throws Exception {
        String code = "VW-CREATE-RACE";
        define(cpPlans(code));
        String[] periods = {"2012April", "2013April", "2014April", "2015April"};
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            for (String period : periods) {
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
                List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                String user = cscUser();
                String lead = cscLead();
                for (int k = 0; k < n; k++) {
                    int amount = 300 + k;
                    String token = k % 2 == 0 ? user : lead;
                    results.add(pool.submit(() -> {
                        start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        return enter(token, code, period, amount, null).status;
                    }));
                }
                List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> f : results) {
                    statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), period + ": exactly one wins: " + statuses);
                assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), period + ": the rest conflict: " + statuses);
                List<Map<String, Object>> log = api().get(manager(), "/api/v1/change-log?entityType=value&entityId="
                        + enc(code + "/CSC/" + period)).expect(200).list();
                assertEquals(1, log.size(), period + ": one entry logged: " + log);
                assertEquals("CREATE", log.get(0).get("action"), period + ": " + log);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void indicatorUpdateUsesOptimisticLocking() {
        String code = "VW-DEF";
        Api api = api();
        Api.Res created = define(cpPlans(code));
        long v0 = created.version();
        Map<String, Object> change = cpPlans(code);
        change.put("title", "Children subject to a child protection plan");
        change.put("tolerancePercent", 5);
        change.put("version", v0);
        Api.Res updated = api.put(manager(), INDICATORS + "/" + code, change).expect(200);
        assertEquals("Children subject to a child protection plan", updated.get("title"));
        assertNotEquals(v0, updated.version());
        // Someone else's edit was based on the old version.
        Map<String, Object> stale = cpPlans(code);
        stale.put("title", "Stale title");
        stale.put("version", v0);
        api.put(manager(), INDICATORS + "/" + code, stale).expect(409);
        stale.remove("version");
        api.put(manager(), INDICATORS + "/" + code, stale).expectFieldError("version");
        Map<String, Object> now = api.get(cscUser(), INDICATORS + "/" + code).expect(200).map();
        assertEquals("Children subject to a child protection plan", now.get("title"));
        assertNumber("5", now.get("tolerancePercent"), "tolerance");
        assertTrue(contains(api.get(tvpUser(), INDICATORS).expect(200).list(), "code", code), "everyone reads definitions");
        // Defining it twice is a conflict.
        api.post(manager(), INDICATORS, cpPlans(code)).expect(409);
    }

    @Test
    void amberButImprovingIsNotAnExceptionButRedIs() {
        Api api = api();
        // Higher is better, target 80 %, tolerance 10 %: 75 is AMBER (>= 72) and up from 70, so IMPROVING.
        String amber = "VW-AMBER-UP";
        define(indicator(amber, "PERCENT", "HIGHER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 3));
        api.put(manager(), INDICATORS + "/" + amber + "/targets/2017April", Map.of("value", 80)).expect(200);
        enterApproved(cscUser(), cscLead(), amber, "2016April", 70);
        enterApproved(cscUser(), cscLead(), amber, "2017April", 75);
        Map<String, Object> row = find(api.get(manager(), "/api/v1/scorecard").expect(200).list(), "code", amber);
        assertEquals("AMBER", row.get("rag"));
        assertEquals("IMPROVING", row.get("direction"));
        assertFalse(contains(exceptions(), "code", amber), "AMBER but IMPROVING is not an exception");

        // 71 is under 72: RED although improving.
        String redCode = "VW-RED-UP";
        define(indicator(redCode, "PERCENT", "HIGHER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 3));
        api.put(manager(), INDICATORS + "/" + redCode + "/targets/2017April", Map.of("value", 80)).expect(200);
        enterApproved(cscUser(), cscLead(), redCode, "2016April", 70);
        enterApproved(cscUser(), cscLead(), redCode, "2017April", 71);
        Map<String, Object> red = find(exceptions(), "code", redCode);
        assertEquals("RED", red.get("rag"));
        assertEquals("IMPROVING", red.get("direction"));

        // Stable: under 1 % of the previous value. 72.5 from 72 is 0.69 %: STABLE, AMBER, not an exception.
        String stable = "VW-STABLE";
        define(indicator(stable, "PERCENT", "HIGHER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 3));
        api.put(manager(), INDICATORS + "/" + stable + "/targets/2017April", Map.of("value", 80)).expect(200);
        enterApproved(cscUser(), cscLead(), stable, "2016April", 72);
        enterApproved(cscUser(), cscLead(), stable, "2017April", 72.5);
        Map<String, Object> s = find(api.get(manager(), "/api/v1/scorecard").expect(200).list(), "code", stable);
        assertEquals("STABLE", s.get("direction"));
        assertEquals("AMBER", s.get("rag"));
        assertFalse(contains(exceptions(), "code", stable));

        // Neutral context measures are DATA_ONLY, UP/DOWN, never exceptions.
        String neutral = "VW-NEUTRAL";
        define(indicator(neutral, "COUNT", "NEUTRAL", "FINANCIAL_YEAR", "CSC", 3));
        api.put(manager(), INDICATORS + "/" + neutral + "/targets/2017April", Map.of("value", 10)).expect(200);
        enterApproved(cscUser(), cscLead(), neutral, "2016April", 1000);
        enterApproved(cscUser(), cscLead(), neutral, "2017April", 5000);
        Map<String, Object> n = find(api.get(manager(), "/api/v1/scorecard").expect(200).list(), "code", neutral);
        assertEquals("DATA_ONLY", n.get("rag"));
        assertEquals("UP", n.get("direction"));
        assertFalse(contains(exceptions(), "code", neutral));
    }

    /**
     * The contract: DRAFT → SUBMITTED by the agency lead <em>or the manager</em>, and the manager may
     * enter any agency's value. A manager who keys in a figure on an agency's behalf must then be able
     * to see and submit it.
     */
    @Test
    void managerCanSubmitAValueItEnteredForAnAgency() {
        String code = "VW-MANAGER-ENTRY";
        define(cpPlans(code));
        Api api = api();
        Api.Res entered = api.put(manager(), value(code, "2016April"), body("agency", "CSC", "value", 42)).expect(200);
        assertEquals("CSC", entered.get("agency"));
        assertEquals("DRAFT", entered.get("status"));
        assertEquals("manager", entered.get("updatedBy"));
        Api.Res submitted = api.post(manager(), value(code, "2016April") + "/submit", body("agency", "CSC")).expect(200);
        assertEquals("SUBMITTED", submitted.get("status"));
        assertEquals("APPROVED", api.post(manager(), value(code, "2016April") + "/approve", body("agency", "CSC"))
                .expect(200).get("status"));
    }

    private List<Map<String, Object>> exceptions() {
        return api().get(manager(), "/api/v1/exceptions").expect(200).list();
    }

    private static void assertNotNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNotNull(o);
    }
}
