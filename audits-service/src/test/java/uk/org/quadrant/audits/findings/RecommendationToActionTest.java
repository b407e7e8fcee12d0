package uk.org.quadrant.audits.findings;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recommendation becomes an action over real HTTP: a stand-in actions-service on loopback, keyed on
 * sourceRef like the real one (the real path is also exercised by scripts/smoke-test.sh with all four
 * services running). Also finding corrections, grading scales and grades across audits.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendationToActionTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();
    private final Map<String, Integer> actionsBySource = new ConcurrentHashMap<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(100);
    private volatile boolean actionsDown;
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/actions/from-recommendation", this::fromRecommendation);

    private Answer fromRecommendation(Request request) {
        String body = request.body();
        synchronized (authorizations) {
            authorizations.add(request.authorization());
        }
        if (actionsDown) {
            return Answer.empty(500);
        }
        String sourceRef = body.replaceAll(".*\"sourceRef\":\"([^\"]+)\".*", "$1");
        // Like the real actions-service: ask audits-service, with the caller's own token, for the
        // recommendation it vouches for, and refuse a body that does not match it.
        String vouched = vouched(sourceRef, request.authorization());
        if (vouched == null || !sameRecommendation(body, vouched)) {
            synchronized (authorizations) {
                refusals.add(sourceRef + " -> " + vouched);
            }
            return Answer.empty(403);
        }
        boolean created = !actionsBySource.containsKey(sourceRef);
        int id = actionsBySource.computeIfAbsent(sourceRef, k -> nextId.incrementAndGet());
        return Answer.json(created ? 201 : 200, "{\"id\":" + id + ",\"planId\":1,\"ref\":\"1\",\"status\":\"NOT_STARTED\",\"delivery\":\"ON_TRACK\"}");
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;
    @Inject
    io.micronaut.json.JsonMapper json;
    private final List<String> refusals = new ArrayList<>();

    /** audits-service's answer to GET /api/v1/findings/{id}/recommendation with this token, or null unless 200. */
    private String vouched(String sourceRef, String authorization) {
        if (!sourceRef.matches("audits:finding:[1-9][0-9]*")) {
            return null;
        }
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.getURL() + "/api/v1/findings/" + sourceRef.substring("audits:finding:".length())
                            + "/recommendation")).header("Authorization", authorization).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The fields actions-service checks: the source, the plan it joins and the lead agency. */
    private boolean sameRecommendation(String sent, String vouched) {
        try {
            Map<String, Object> a = json.readValue(sent, Argument.mapOf(String.class, Object.class));
            Map<String, Object> b = json.readValue(vouched, Argument.mapOf(String.class, Object.class));
            return List.of("sourceRef", "planSourceType", "planSourceRef", "leadAgency", "planTitle", "issue", "action").stream()
                    .allMatch(k -> a.get(k) != null && a.get(k).equals(b.get(k)));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(tokens.properties());
        properties.put("micronaut.http.services.actions.url", actions.url());
        return properties;
    }

    @AfterAll
    void stop() {
        actions.close();
        tokens.close();
    }

    private Map<String, Object> call(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private int status(MutableHttpRequest<?> request, String token) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(token)).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private Object audit(String manager, String title, String scale) {
        return call(HttpRequest.POST("/api/v1/audits", Map.of("type", "MULTI_AGENCY_CASE_AUDIT", "title", title, "leadAgency", "CSC",
                "participatingAgencies", List.of("TVP"), "periodStart", "2024-04-01", "periodEnd", "2025-03-31", "gradingScale", scale)),
                manager).get("id");
    }

    @Test
    void aRecommendationBecomesOneActionWithTheCallersOwnToken() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        Object auditId = audit(manager, "Recommendation audit", "OFSTED");
        Object findingId = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "RECOMMENDATION",
                "text", "Record fathers in every assessment", "themes", List.of("FATHERS"))), manager).get("id");
        String cscLead = tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
        Map<String, Object> sent = call(HttpRequest.POST("/api/v1/findings/" + findingId + "/action", ""), cscLead);
        assertEquals(true, sent.get("created"));
        Map<String, Object> again = call(HttpRequest.POST("/api/v1/findings/" + findingId + "/action", ""), manager);
        assertEquals(sent.get("actionId"), again.get("actionId"));
        assertEquals(false, again.get("created"));
        assertEquals(String.valueOf(sent.get("actionId")), call(HttpRequest.GET("/api/v1/findings/" + findingId), manager).get("actionRef"));
        assertTrue(authorizations.contains("Bearer " + cscLead), "the caller's own token is passed on");
        assertTrue(refusals.isEmpty(), "what audits-service sends is what it vouches for: " + refusals);
        assertEquals(409, status(HttpRequest.DELETE("/api/v1/findings/" + findingId), manager), "a sent recommendation stays");
        assertEquals(403, status(HttpRequest.POST("/api/v1/findings/" + findingId + "/action", ""),
                tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD")), "a participant that does not lead cannot send");
    }

    @Test
    void theRecommendationIsStatedOnlyToThoseWhoMaySendIt() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        Object auditId = audit(manager, "Vouched audit", "OFSTED");
        Object findingId = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "RECOMMENDATION",
                "text", "Record the voice of the child", "themes", List.of("VOICE_OF_THE_CHILD"), "agency", "TVP")), manager).get("id");
        Object strength = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "STRENGTH",
                "text", "Good chronologies", "themes", List.of("CHRONOLOGIES"))), manager).get("id");
        String path = "/api/v1/findings/" + findingId + "/recommendation";
        Map<String, Object> expected = Map.of("findingId", ((Number) findingId).intValue(), "sourceRef", "audits:finding:" + findingId,
                "planSourceType", "AUDIT", "planSourceRef", "audits:audit:" + auditId, "planTitle", "Recommendations of Vouched audit",
                "issue", "Recommendation of Vouched audit", "action", "Record the voice of the child", "leadAgency", "TVP");
        assertEquals(expected, call(HttpRequest.GET(path), manager));
        assertEquals(expected, call(HttpRequest.GET(path), tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR")),
                "the audit's lead agency may send it (the action's lead is the finding's agency)");
        assertEquals(403, status(HttpRequest.GET(path), tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD")),
                "a participant sees the finding but does not send its recommendations");
        assertEquals(403, status(HttpRequest.GET(path), tokens.board("chair", "BOARD_CHAIR")));
        assertEquals(404, status(HttpRequest.GET(path), tokens.agencyUser("edu.lead", "EDU", "AGENCY_LEAD")), "not involved: unseen");
        assertEquals(404, status(HttpRequest.GET("/api/v1/findings/987654321/recommendation"), manager));
        assertEquals(409, status(HttpRequest.GET("/api/v1/findings/" + strength + "/recommendation"), manager), "only recommendations");
    }

    @Test
    void whenActionsServiceFailsNothingIsRecordedAndTheUserIsTold() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        Object auditId = audit(manager, "Down audit", "OFSTED");
        Object findingId = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "RECOMMENDATION",
                "text", "Improve chronologies", "themes", List.of("CHRONOLOGIES"))), manager).get("id");
        Object strength = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "STRENGTH",
                "text", "Good joint working", "themes", List.of("MULTI_AGENCY_WORKING"))), manager).get("id");
        assertEquals(409, status(HttpRequest.POST("/api/v1/findings/" + strength + "/action", ""), manager), "only recommendations");
        actionsDown = true;
        try {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/findings/" + findingId + "/action", "").bearerAuth(manager)));
            assertEquals(502, e.getStatus().getCode());
            assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("was not sent"));
        } finally {
            actionsDown = false;
        }
        assertNull(call(HttpRequest.GET("/api/v1/findings/" + findingId), manager).get("actionRef"));
    }

    @Test
    void findingsAreCorrectedWithTheVersionRead() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        Object auditId = audit(manager, "Correction audit", "OFSTED");
        Map<String, Object> f = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/findings", Map.of("kind", "CONCERN",
                "text", "Typo here", "themes", List.of("NEGLECT"))), manager);
        Map<String, Object> edit = new HashMap<>(Map.of("kind", "CONCERN", "text", "Fixed text", "themes", List.of("NEGLECT", "HOUSING")));
        assertEquals(400, status(HttpRequest.PUT("/api/v1/findings/" + f.get("id"), edit), manager), "version required");
        edit.put("version", f.get("version"));
        assertEquals(403, status(HttpRequest.PUT("/api/v1/findings/" + f.get("id"), edit), tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR")));
        assertEquals(403, status(HttpRequest.PUT("/api/v1/findings/" + f.get("id"), edit), tokens.board("chair", "BOARD_CHAIR")));
        assertEquals("Fixed text", call(HttpRequest.PUT("/api/v1/findings/" + f.get("id"), edit), manager).get("text"));
        assertEquals(409, status(HttpRequest.PUT("/api/v1/findings/" + f.get("id"), edit), manager), "stale");
        assertEquals(204, status(HttpRequest.DELETE("/api/v1/findings/" + f.get("id")), tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD")));
        assertEquals(404, status(HttpRequest.GET("/api/v1/findings/" + f.get("id")), manager));
    }

    @Test
    void theBoardDefinesAScaleAndSeesGradesAcrossAudits() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        assertEquals(403, status(HttpRequest.POST("/api/v1/grading-scales", Map.of("code", "THREE_POINT", "name", "Three point",
                "grades", List.of("STRONG", "ADEQUATE", "WEAK"), "standard", "ADEQUATE")), tokens.board("chair", "BOARD_CHAIR")));
        assertEquals(400, status(HttpRequest.POST("/api/v1/grading-scales", Map.of("code", "BAD", "name", "Bad",
                "grades", List.of("A", "B"), "standard", "C")), manager));
        call(HttpRequest.POST("/api/v1/grading-scales", Map.of("code", "THREE_POINT", "name", "Three point",
                "grades", List.of("STRONG", "ADEQUATE", "WEAK"), "standard", "ADEQUATE")), manager);
        Object a1 = audit(manager, "Scale audit one", "THREE_POINT");
        Object a2 = audit(manager, "Scale audit two", "THREE_POINT");
        call(HttpRequest.POST("/api/v1/audits/" + a1 + "/cases", Map.of("caseRef", "TP-01", "grade", "STRONG")), manager);
        call(HttpRequest.POST("/api/v1/audits/" + a1 + "/cases", Map.of("caseRef", "TP-02", "grade", "WEAK")), manager);
        Map<String, Object> wrong = call(HttpRequest.POST("/api/v1/audits/" + a2 + "/cases", Map.of("caseRef", "TP-03", "grade", "WEAK")), manager);
        assertEquals(204, status(HttpRequest.DELETE("/api/v1/audits/" + a2 + "/cases/" + wrong.get("id")), manager));
        call(HttpRequest.POST("/api/v1/audits/" + a2 + "/cases", Map.of("caseRef", "TP-03", "grade", "ADEQUATE")), manager);
        List<Map<String, Object>> across = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/grades?from=2024-04-01&to=2025-03-31")
                .bearerAuth(tokens.board("chair", "BOARD_CHAIR")), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> three = across.stream().filter(g -> "THREE_POINT".equals(g.get("gradingScale"))).findFirst().orElseThrow();
        assertEquals(2, three.get("audits"));
        assertEquals(3, three.get("cases"));
        assertEquals(Map.of("STRONG", 1, "ADEQUATE", 1, "WEAK", 1), three.get("distribution"));
        assertEquals(66.7, ((Number) three.get("percentMeetingStandard")).doubleValue());
    }

    @Test
    void casesAreRegradedThemesRelabelledAndStandardsDefined() {
        String manager = tokens.board("manager", "BOARD_MANAGER");
        Object auditId = audit(manager, "Regrade audit", "OFSTED");
        String tvp = tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
        Map<String, Object> view = call(HttpRequest.POST("/api/v1/audits/" + auditId + "/cases",
                Map.of("caseRef", "RG-01", "grade", "GOOD", "agency", "TVP")), tvp);
        String path = "/api/v1/audits/" + auditId + "/cases/" + view.get("id");
        Map<String, Object> regrade = new HashMap<>(Map.of("caseRef", "RG-01", "grade", "REQUIRES_IMPROVEMENT"));
        assertEquals(400, status(HttpRequest.PUT(path, regrade), tvp), "version required");
        regrade.put("version", view.get("version"));
        assertEquals(403, status(HttpRequest.PUT(path, regrade), tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR")),
                "another participant cannot regrade TVP's view");
        assertEquals("REQUIRES_IMPROVEMENT", call(HttpRequest.PUT(path, regrade), tvp).get("grade"));
        assertEquals(409, status(HttpRequest.PUT(path, regrade), tvp), "stale");
        Map<String, Object> badGrade = new HashMap<>(Map.of("caseRef", "RG-01", "grade", "EFFECTIVE", "version", 1));
        assertEquals(400, status(HttpRequest.PUT(path, badGrade), tvp), "not on the Ofsted scale");

        assertEquals(403, status(HttpRequest.PUT("/api/v1/themes/HOUSING", Map.of("label", "Housing and homelessness")),
                tokens.board("chair", "BOARD_CHAIR")));
        assertEquals("Housing and homelessness", call(HttpRequest.PUT("/api/v1/themes/HOUSING",
                Map.of("label", "Housing and homelessness")), manager).get("label"));

        Map<String, Object> standard = Map.of("code", "S11-9", "title", "Online safety", "active", true);
        assertEquals(403, status(HttpRequest.PUT("/api/v1/section11/standards/S11-9", standard), tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD")));
        assertEquals("Online safety", call(HttpRequest.PUT("/api/v1/section11/standards/S11-9", standard), manager).get("title"));
        List<Map<String, Object>> standards = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/section11/standards").bearerAuth(tvp),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(standards.stream().anyMatch(x -> "S11-9".equals(x.get("code"))));
    }
}
