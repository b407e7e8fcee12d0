package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.actions.support.AuditsStub;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 1: "Any agency contributor can add actions to the board's own plans". A recommendation
 * becomes an action only as audits-service states it to the caller (asked over real HTTP, here a stand-in
 * with audits-service's rules): no adding to or creating a plan that is not the finding's audit's, no
 * pre-claiming a finding one may not send, no source reference outside {@code audits:finding:<id>}; the
 * genuine flow still makes one action, idempotently, and nothing is written when audits-service cannot say.
 */
@MicronautTest
class RecommendationVouchingTest extends ApiTestBase {

    private static final String PATH = "/api/v1/actions/from-recommendation";
    /** The board's own plans (the demo's JTAI inspection plan, the Child J review, the business plan). */
    private static final List<List<String>> BOARD_PLANS = List.of(List.of("INSPECTION", "JTAI-2016"),
            List.of("SERIOUS_CASE_REVIEW", "CHILD-J"), List.of("BUSINESS_PLAN", "BP-2018-19"));

    private final AuditsStub audits = new AuditsStub();
    private boolean seeded;

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
        audits.reset();
        if (seeded) {
            return;
        }
        seeded = true;
        for (List<String> plan : BOARD_PLANS) {
            Api.Res created = api().post(manager(), "/api/v1/plans", Map.of("title", "The board's " + plan.get(1), "sourceType", plan.get(0),
                    "sourceRef", plan.get(1)));
            assertEquals(201, created.status, created::toString);
            Api.Res action = api().post(manager(), "/api/v1/plans/" + created.map().get("id") + "/actions", Map.of("ref", "1",
                    "issue", "The board's issue", "action", "The board's action", "dueDate", "2030-03-31",
                    "leadRole", "Board business manager", "leadAgency", "BOARD"));
            assertEquals(201, action.status, action::toString);
        }
    }

    @AfterEach
    void backToNormal() {
        audits.reset();
    }

    /** Every plan and every action, as the manager reads them. */
    private String everything() {
        return api().get(manager(), "/api/v1/plans").body + "\n" + api().get(manager(), "/api/v1/actions").body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... kv) {
        Map<String, Object> m = new HashMap<>(body);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void assertRefused(int status, Api.Res r, String what, String... fields) {
        assertEquals(status, r.status, what + ": " + r);
        assertTrue(r.contentType.startsWith("application/problem+json"), what + ": " + r);
        assertFalse(r.body.contains("Exception") || r.body.contains("\tat "), what + ": " + r);
        for (String field : fields) {
            assertTrue(r.body.contains("\"field\":\"" + field + "\""), what + " names " + field + ": " + r);
        }
    }

    @Test
    void aContributorCannotAddToTheBoardsOwnPlans() {
        AuditsStub.Finding own = audits.recommendation("TVP");
        String before = everything();
        for (List<String> plan : BOARD_PLANS) {
            // its own genuine finding, redirected to the board's plan
            assertRefused(400, api().post(tvpUser(), PATH, with(own.request(), "planSourceType", plan.get(0), "planSourceRef", plan.get(1))), "TVP's finding into " + plan, "planSourceType", "planSourceRef");
            // the attack as found: a finding nobody has made yet, led by TVP, into the board's plan
            assertRefused(400, api().post(tvpUser(), PATH, with(own.request(), "sourceRef", "audits:finding:" + audits.nextId(),
                    "planSourceType", plan.get(0), "planSourceRef", plan.get(1))), "a made-up finding into " + plan, "sourceRef");
        }
        assertEquals(before, everything(), "nothing was added to the board's plans");
    }

    @Test
    void aContributorCannotCreateAPlan() {
        AuditsStub.Finding own = audits.recommendation("TVP");
        String before = everything();
        assertRefused(400, api().post(tvpUser(), PATH, with(own.request(), "planSourceRef", "audits:audit:987654321")),
                "another audit's plan", "planSourceRef");
        assertRefused(400, api().post(tvpUser(), PATH, with(own.request(), "planSourceType", "INSPECTION", "planSourceRef", "TVP-OWN-PLAN")), "a new inspection plan", "planSourceType", "planSourceRef");
        assertRefused(400, api().post(tvpUser(), PATH, with(own.request(), "planSourceType", "SELF_ASSESSMENT")),
                "the audit's ref as another type of plan", "planSourceType");
        assertEquals(before, everything(), "no plan was created");
        assertEquals(201, api().post(tvpUser(), PATH, own.request()).status, "its own recommendation, as stated, is fine");
    }

    @Test
    void aFindingCannotBePreClaimed() {
        long next = audits.nextId();
        String before = everything();
        assertRefused(400, api().post(tvpUser(), PATH, with(audits.recommendation("TVP").request(), "sourceRef", "audits:finding:" + (next + 100))), "a finding that does not exist yet", "sourceRef");
        AuditsStub.Finding csc = audits.recommendation("CSC", "TVP");
        assertRefused(403, api().post(tvpUser(), PATH, with(csc.request(), "leadAgency", "TVP")),
                "a participant's claim on the lead agency's finding");
        assertRefused(403, api().post(tvpUser(), PATH, csc.request()), "TVP on CSC's finding as stated");
        AuditsStub.Finding unseen = audits.recommendation("EDU");
        assertRefused(400, api().post(tvpUser(), PATH, with(unseen.request(), "leadAgency", "TVP")),
                "a finding TVP cannot see", "sourceRef");
        assertEquals(before, everything(), "nothing was claimed");
        Api.Res genuine = api().post(cscUser(), PATH, csc.request());
        assertEquals(201, genuine.status, "the lead agency sends its own finding later: " + genuine);
        assertEquals("CSC", genuine.map().get("leadAgency"));
    }

    @Test
    void noOtherNamespaceIsAccepted() {
        AuditsStub.Finding own = audits.recommendation("TVP");
        String before = everything();
        for (String ref : List.of("indicators:value:CSC:2018Q1", "actions:action:1", "actions:plan:1", "audits:audit:" + own.auditId(),
                "audits:case:1", "audits:finding:0", "audits:finding:-1", "audits:finding:0" + own.id(), "audits:finding:" + own.id() + " ",
                " audits:finding:" + own.id(), "AUDITS:FINDING:" + own.id(), "audits:finding:" + own.id() + ".0", "audits:finding:",
                "audits:finding:99999999999999999999", "audits:finding:" + own.id() + "/../1", "JTAI-2016", "x")) {
            for (String token : List.of(tvpUser(), manager())) {
                assertRefused(400, api().post(token, PATH, with(own.request(), "sourceRef", ref)), "sourceRef '" + ref + "'", "sourceRef");
            }
        }
        assertEquals(0, audits.calls(), "refused before audits-service is asked");
        assertEquals(before, everything());
    }

    @Test
    void theLeadAgencyTurnsItsRecommendationIntoOneActionAsStated() {
        AuditsStub.Finding own = audits.recommendation("TVP", "CSC");
        String tvpLead = tvpLead();
        // the text and plan title are audits-service's: a body saying something else is refused
        String before = everything();
        assertRefused(400, api().post(tvpLead, PATH, with(own.request(), "issue", "Another issue", "action", "Another action",
                "planTitle", "Another title")), "other text", "issue", "action", "planTitle");
        assertEquals(before, everything());
        Api.Res first = api().post(tvpLead, PATH, with(own.request(), "leadRole", "Detective Inspector"));
        assertEquals(201, first.status, first::toString);
        Map<String, Object> action = first.map();
        assertEquals(own.request().get("action"), action.get("action"));
        assertEquals(own.request().get("issue"), action.get("issue"));
        assertEquals("TVP", action.get("leadAgency"));
        assertEquals("Detective Inspector", action.get("leadRole"));
        assertEquals(own.sourceRef(), action.get("sourceRef"));
        Map<String, Object> plan = api().get(manager(), "/api/v1/plans/" + action.get("planId")).map();
        assertEquals("AUDIT", plan.get("sourceType"));
        assertEquals(own.planSourceRef(), plan.get("sourceRef"));
        assertEquals(own.request().get("planTitle"), plan.get("title"));
        assertTrue(audits.authorizations().contains("Bearer " + tvpLead), "audits-service is asked with the caller's own token");

        Api.Res again = api().post(tvpUser(), PATH, own.request());
        assertEquals(200, again.status, again::toString);
        assertEquals(action.get("id"), again.map().get("id"));
        Api.Res byManager = api().post(manager(), PATH, own.request());
        assertEquals(200, byManager.status, byManager::toString);
        assertEquals(action.get("id"), byManager.map().get("id"));

        // a second recommendation of the same audit joins the same plan
        Api.Res sibling = api().post(tvpLead, PATH, audits.another(own).request());
        assertEquals(201, sibling.status, sibling::toString);
        assertEquals(action.get("planId"), sibling.map().get("planId"));
        assertEquals("2", sibling.map().get("ref"));
    }

    @Test
    void theManagerIsCheckedTheSameWay() {
        AuditsStub.Finding csc = audits.recommendation("CSC");
        String before = everything();
        assertRefused(400, api().post(manager(), PATH, with(csc.request(), "leadAgency", "TVP")), "another lead", "leadAgency");
        assertRefused(400, api().post(manager(), PATH, with(csc.request(), "planSourceType", "INSPECTION", "planSourceRef", "JTAI-2016")), "the JTAI plan", "planSourceType", "planSourceRef");
        assertRefused(400, api().post(manager(), PATH, with(csc.request(), "sourceRef", "audits:finding:" + (audits.nextId() + 50))),
                "an unknown finding", "sourceRef");
        AuditsStub.Finding strength = audits.add("CSC", null, "STRENGTH");
        assertRefused(400, api().post(manager(), PATH, strength.request()), "a strength", "sourceRef");
        assertEquals(before, everything());
        assertEquals(201, api().post(manager(), PATH, csc.request()).status);
        assertRefused(403, api().post(chair(), PATH, audits.recommendation("CSC").request()), "the chair");
    }

    @Test
    void anActionMadeBeforeIsReturnedOnlyToThoseAuditsServiceVouchesFor() {
        // A TVP audit in which CSC takes part; the finding is CSC's to lead, TVP's (and the manager's) to send.
        AuditsStub.Finding finding = audits.add("TVP", "CSC", "RECOMMENDATION", "CSC");
        Api.Res made = api().post(manager(), PATH, finding.request());
        assertEquals(201, made.status, made::toString);
        String before = everything();
        assertRefused(403, api().post(cscUser(), PATH, finding.request()),
                "CSC leads the action but may not send the audit's recommendations");
        assertEquals(before, everything());
    }

    @Test
    void whenAuditsServiceCannotSayNothingIsWritten() {
        AuditsStub.Finding own = audits.recommendation("TVP");
        String before = everything();
        audits.slowness(Duration.ofMillis(3000));
        for (AuditsStub.Mode mode : List.of(AuditsStub.Mode.ERROR, AuditsStub.Mode.GARBAGE, AuditsStub.Mode.SLOW)) {
            audits.mode(mode);
            Api.Res r = api().post(tvpUser(), PATH, own.request());
            assertRefused(503, r, "audits-service " + mode);
            assertTrue(r.body.contains("nothing was written"), r::toString);
        }
        audits.mode(AuditsStub.Mode.OK);
        assertEquals(before, everything());
        assertEquals(201, api().post(tvpUser(), PATH, own.request()).status, "back to normal");
    }
}
