package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.actions.support.AuditsStub;
import uk.org.quadrant.actions.support.IndicatorsStub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access to every actions-service endpoint: no token is 401; agency users read every plan and action
 * but write plans and actions not at all and progress only on their own agency's actions; the board
 * chair writes nothing. Every refusal leaves the data as it was.
 */
@MicronautTest(transactional = false)
class CrossAgencyAccessTest extends ApiTestBase {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** audits-service, stating one recommendation of a CSC audit and one of a TVP audit. */
    private final AuditsStub audits = new AuditsStub();
    private final Map<String, AuditsStub.Finding> findings = Map.of("CSC", audits.recommendation("CSC", "TVP", "EDU"),
            "TVP", audits.recommendation("TVP", "CSC"));

    private long planId;
    private long cscAction;
    private long tvpAction;

    @Override
    protected IndicatorsStub indicatorsStub() {
        return new IndicatorsStub().latest("CP-TIMELINESS", "2018Q1", "Jan-Mar 2018", new BigDecimal("80"), "GREEN");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(audits.properties());
        return p;
    }

    @AfterAll
    void stopAudits() {
        audits.close();
    }

    @BeforeEach
    void fixture() {
        if (planId != 0) {
            return;
        }
        Api.Res plan = api().post(manager(), "/api/v1/plans", Map.of("title", "Learning review action plan", "sourceType", "LEARNING_REVIEW",
                "sourceRef", "LR-ACCESS"));
        assertEquals(201, plan.status, plan::toString);
        planId = ((Number) plan.map().get("id")).longValue();
        cscAction = create(actionBody("1", "CSC", true));
        tvpAction = create(actionBody("2", "TVP", false));
        Api.Res u = api().post(cscLead(), "/api/v1/actions/" + cscAction + "/updates", Map.of("narrative", "Work started", "status", "IN_PROGRESS"));
        assertEquals(201, u.status, u::toString);
    }

    private long create(Map<String, Object> body) {
        Api.Res r = api().post(manager(), "/api/v1/plans/" + planId + "/actions", body);
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private static Map<String, Object> actionBody(String ref, String lead, boolean measurable) {
        Map<String, Object> body = new HashMap<>(Map.of("ref", ref, "issue", "Information not shared at the front door",
                "action", "Agree an information-sharing protocol", "dueDate", LocalDate.now(UK).plusDays(100).toString(),
                "leadRole", "Head of Safeguarding", "leadAgency", lead, "priority", 3));
        if (measurable) {
            body.putAll(Map.of("measureIndicator", "CP-TIMELINESS", "measureComparator", "GTE", "measureTarget", 75));
        }
        return body;
    }

    private List<String> agencyUsers() {
        return List.of(cscLead(),
                tokens.agencyUser("csc.worker", "CSC", "AGENCY_CONTRIBUTOR"),
                tvpLead(),
                tokens.agencyUser("edu.user", "EDU", "AGENCY_CONTRIBUTOR"));
    }

    /** One request of the API: method, path, body (null for GET). */
    private record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Call> reads() {
        return List.of(
                new Call("GET", "/api/v1/plans", null),
                new Call("GET", "/api/v1/plans/" + planId, null),
                new Call("GET", "/api/v1/actions", null),
                new Call("GET", "/api/v1/actions?agency=CSC&delivery=ON_TRACK&priority=3", null),
                new Call("GET", "/api/v1/actions/" + cscAction, null),
                new Call("GET", "/api/v1/actions/" + tvpAction, null),
                new Call("GET", "/api/v1/actions/" + cscAction + "/updates", null),
                new Call("GET", "/api/v1/actions/" + tvpAction + "/updates", null),
                new Call("GET", "/api/v1/rollups?by=agency", null),
                new Call("GET", "/api/v1/rollups?by=priority", null),
                new Call("GET", "/api/v1/rollups?by=plan", null),
                new Call("GET", "/api/v1/actions/due?days=365", null),
                new Call("GET", "/api/v1/me", null));
    }

    private Map<String, Object> newPlan() {
        return Map.of("title", "A plan nobody may make", "sourceType", "AUDIT", "sourceRef", "ACCESS-NEW");
    }

    private Map<String, Object> recommendation(String lead) {
        return findings.get(lead).request();
    }

    private Map<String, Object> progress(String status) {
        Map<String, Object> body = new HashMap<>(Map.of("narrative", "An update", "status", status));
        if (status.equals("COMPLETED") || status.equals("CLOSED")) {
            body.put("difference", "A difference");
        }
        return body;
    }

    private List<Call> writes() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("POST", "/api/v1/plans", newPlan()));
        calls.add(new Call("POST", "/api/v1/plans/" + planId + "/actions", actionBody("9", "CSC", false)));
        calls.add(new Call("POST", "/api/v1/plans/" + planId + "/actions", actionBody("9", "TVP", true)));
        for (long id : List.of(cscAction, tvpAction)) {
            for (String status : List.of("IN_PROGRESS", "COMPLETED", "CLOSED")) {
                calls.add(new Call("POST", "/api/v1/actions/" + id + "/updates", progress(status)));
            }
        }
        calls.add(new Call("POST", "/api/v1/actions/from-recommendation", recommendation("CSC")));
        calls.add(new Call("POST", "/api/v1/actions/from-recommendation", recommendation("TVP")));
        return calls;
    }

    private Api.Res send(Call c, String token) {
        return c.body == null ? api().get(token, c.path()) : api().post(token, c.path(), c.body);
    }

    /** Everything this service holds, as the board manager reads it. */
    private String everything() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/api/v1/plans", "/api/v1/plans/" + planId, "/api/v1/actions",
                "/api/v1/actions/" + cscAction + "/updates", "/api/v1/actions/" + tvpAction + "/updates",
                "/api/v1/change-log?limit=500")) {
            Api.Res r = api().get(manager(), path);
            assertEquals(200, r.status, r::toString);
            all.append(path).append(" => ").append(r.body).append('\n');
        }
        return all.toString();
    }

    private static void assertRefused(int expected, Api.Res r, String what) {
        assertEquals(expected, r.status, what + ": " + r);
        if (expected >= 400 && !r.body.isEmpty()) {
            assertTrue(r.contentType.startsWith("application/problem+json"), what + ": " + r);
            assertTrue(!r.body.contains("Exception") && !r.body.contains("\tat "), what + ": " + r);
        }
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401AndNothingIsWritten() {
        String before = everything();
        List<Call> all = new ArrayList<>(reads());
        all.addAll(writes());
        all.add(new Call("GET", "/api/v1/change-log", null));
        for (Call c : all) {
            assertRefused(401, send(c, null), "no token, " + c);
            assertRefused(401, send(c, "not-a-jwt"), "garbage token, " + c);
            assertRefused(401, send(c, tokens.expired("csc.lead", "CSC", "AGENCY_LEAD")), "expired token, " + c);
        }
        assertEquals(before, everything());
        assertEquals(200, api().get(null, "/health").status, "health stays open for probes");
    }

    @Test
    void agencyUsersReadEveryPlanAndAction() {
        for (String token : agencyUsers()) {
            for (Call c : reads()) {
                Api.Res r = send(c, token);
                assertEquals(200, r.status, c + ": " + r);
            }
            Map<String, Object> plan = api().get(token, "/api/v1/plans/" + planId).map();
            assertEquals(2, ((List<?>) plan.get("actions")).size(), "every agency sees the whole plan");
            assertEquals("MET", api().get(token, "/api/v1/actions/" + cscAction).map().get("measureStatus"));
        }
    }

    @Test
    void agencyUsersCannotCreatePlansOrActionsAndNothingIsWritten() {
        String before = everything();
        indicators.reset();
        for (String token : agencyUsers()) {
            assertRefused(403, send(new Call("POST", "/api/v1/plans", newPlan()), token), "agency creates a plan");
            assertRefused(403, api().post(token, "/api/v1/plans/" + planId + "/actions", actionBody("9", "CSC", false)),
                    "agency adds an action (even one it would lead)");
            assertRefused(403, api().post(token, "/api/v1/plans/" + planId + "/actions", actionBody("9", "TVP", true)),
                    "agency adds a measurable action");
            assertRefused(403, api().post(token, "/api/v1/plans/999999/actions", actionBody("9", "CSC", false)),
                    "agency adds an action to a plan that does not exist");
            assertRefused(403, api().get(token, "/api/v1/change-log"), "agency reads the change log");
        }
        assertEquals(before, everything());
        assertEquals(0, indicators.indicatorCalls(), "a refused write does not reach indicators-service");
    }

    @Test
    void anAgencyCannotUpdateAnotherAgencysActionOrAdoptItsRecommendations() {
        String before = everything();
        String csc = cscLead();
        String cscWorker = tokens.agencyUser("csc.worker", "CSC", "AGENCY_CONTRIBUTOR");
        String tvp = tvpLead();
        String edu = tokens.agencyUser("edu.user", "EDU", "AGENCY_CONTRIBUTOR");
        for (String status : List.of("IN_PROGRESS", "COMPLETED", "CLOSED", "NOT_STARTED")) {
            for (String token : List.of(csc, cscWorker, edu)) {
                assertRefused(403, api().post(token, "/api/v1/actions/" + tvpAction + "/updates", progress(status)),
                        "another agency updates TVP's action to " + status);
            }
            for (String token : List.of(tvp, edu)) {
                assertRefused(403, api().post(token, "/api/v1/actions/" + cscAction + "/updates", progress(status)),
                        "another agency updates CSC's action to " + status);
            }
        }
        assertRefused(403, api().post(csc, "/api/v1/actions/from-recommendation", recommendation("TVP")),
                "CSC adopts a recommendation TVP would lead");
        assertRefused(403, api().post(edu, "/api/v1/actions/from-recommendation", recommendation("CSC")),
                "EDU adopts a recommendation CSC would lead");
        assertEquals(before, everything());

        // the refusals are about whose action it is, not a blanket ban
        Api.Res own = api().post(tvp, "/api/v1/actions/" + tvpAction + "/updates", progress("IN_PROGRESS"));
        assertEquals(201, own.status, own::toString);
    }

    @Test
    void theChairReadsEverythingAndWritesNothing() {
        String chair = chair();
        for (Call c : reads()) {
            assertEquals(200, send(c, chair).status, "chair reads " + c);
        }
        String before = everything();
        for (Call c : writes()) {
            assertRefused(403, send(c, chair), "chair " + c);
        }
        assertEquals(before, everything());
    }

    @Test
    void theManagerWritesWhatAgenciesCannot() {
        // positive control for the refusals above
        Api.Res plan = api().post(manager(), "/api/v1/plans", Map.of("title", "Managed", "sourceType", "AUDIT", "sourceRef", "ACCESS-MGR"));
        assertEquals(201, plan.status, plan::toString);
        Api.Res upd = api().post(manager(), "/api/v1/actions/" + tvpAction + "/updates", Map.of("narrative", "Board manager note"));
        assertEquals(201, upd.status, upd::toString);
        assertEquals(200, api().get(manager(), "/api/v1/change-log").status);
    }
}
