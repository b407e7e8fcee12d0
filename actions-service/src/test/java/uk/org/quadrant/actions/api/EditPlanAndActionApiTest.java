package uk.org.quadrant.actions.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.actions.support.IndicatorsStub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing plans and actions: the board manager's, with optimistic locking and the same checks as creating. */
@MicronautTest
class EditPlanAndActionApiTest extends ApiTestBase {

    @Override
    protected IndicatorsStub indicatorsStub() {
        return new IndicatorsStub().know("MASH-TIMELINESS");
    }

    private int status(MutableHttpRequest<?> request, String token) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(token)).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private Map<String, Object> retrieve(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void theManagerEditsWithTheVersionRead() {
        String manager = manager();
        Map<String, Object> plan = retrieve(HttpRequest.POST("/api/v1/plans", Map.of("title", "Edit test", "sourceType", "AUDIT",
                "sourceRef", "edit-test", "startDate", "2030-01-01")), manager);
        Map<String, Object> action = new HashMap<>(Map.of("ref", "1", "issue", "An issue", "action", "An action",
                "dueDate", "2031-03-31", "leadRole", "Head of Service", "leadAgency", "CSC"));
        Map<String, Object> created = retrieve(HttpRequest.POST("/api/v1/plans/" + plan.get("id") + "/actions", action), manager);
        String path = "/api/v1/actions/" + created.get("id");

        Map<String, Object> edit = new HashMap<>(action);
        edit.put("action", "A sharper action");
        assertEquals(400, status(HttpRequest.PUT(path, edit), manager), "the version read is required");
        edit.put("version", created.get("version"));
        for (String token : List.of(chair(), cscLead())) {
            assertEquals(403, status(HttpRequest.PUT(path, edit), token));
        }
        Map<String, Object> early = new HashMap<>(edit);
        early.put("dueDate", "2029-12-31");
        assertEquals(400, status(HttpRequest.PUT(path, early), manager), "due before the plan starts");
        assertEquals("An action", retrieve(HttpRequest.GET(path), manager).get("action"), "refusals change nothing");

        Map<String, Object> edited = retrieve(HttpRequest.PUT(path, edit), manager);
        assertEquals("A sharper action", edited.get("action"));
        assertEquals(409, status(HttpRequest.PUT(path, edit), manager), "the same version twice is stale");

        Map<String, Object> measured = new HashMap<>(edit);
        measured.put("version", edited.get("version"));
        measured.put("measureIndicator", "NO-SUCH");
        measured.put("measureComparator", "GTE");
        measured.put("measureTarget", 75);
        assertEquals(400, status(HttpRequest.PUT(path, measured), manager), "unknown indicator");

        Map<String, Object> renamed = new HashMap<>(Map.of("title", "Edit test (renamed)", "sourceType", "AUDIT",
                "sourceRef", "edit-test", "startDate", "2030-01-01", "version", plan.get("version")));
        Map<String, Object> afterRename = retrieve(HttpRequest.PUT("/api/v1/plans/" + plan.get("id"), renamed), manager);
        assertEquals("Edit test (renamed)", afterRename.get("title"));
        assertTrue(((List<?>) afterRename.get("actions")).size() == 1);
        assertEquals(409, status(HttpRequest.PUT("/api/v1/plans/" + plan.get("id"), renamed), manager));
        assertEquals(403, status(HttpRequest.PUT("/api/v1/plans/" + plan.get("id"), renamed), chair()));
    }

    @Test
    void onlyTheManagerWritesTheBusinessPlan() {
        Map<String, Object> item = Map.of("planYear", "2030April", "kind", "PRIORITY", "number", 9, "title", "Online harm");
        for (String token : List.of(chair(), cscLead())) {
            assertEquals(403, status(HttpRequest.POST("/api/v1/business-plan", item), token));
        }
        String reader = tvpUser();
        List<?> before = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/business-plan?year=2030April").bearerAuth(reader), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(0, before.size(), "refused writes leave nothing behind");
        String manager = manager();
        assertEquals(201, status(HttpRequest.POST("/api/v1/business-plan", item), manager));
        assertEquals(409, status(HttpRequest.POST("/api/v1/business-plan", item), manager), "one priority 9 per year");
        assertEquals(400, status(HttpRequest.POST("/api/v1/business-plan", Map.of("planYear", "2030April", "kind", "GOAL",
                "number", 1, "title", "x")), manager), "kind is AIM or PRIORITY");
        List<?> after = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/business-plan?year=2030April").bearerAuth(reader), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(1, after.size());
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/business-plan", item));
        } catch (HttpClientResponseException e) {
            assertEquals(401, e.getStatus().getCode());
            return;
        }
        throw new AssertionError("no token must be refused");
    }
}
