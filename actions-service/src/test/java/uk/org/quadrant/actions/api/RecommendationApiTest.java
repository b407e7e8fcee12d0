package uk.org.quadrant.actions.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.actions.support.AuditsStub;
import uk.org.quadrant.actions.support.IndicatorsStub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans, actions, and actions made from recommendations (idempotent on sourceRef). */
@MicronautTest
class RecommendationApiTest extends ApiTestBase {

    /** audits-service, which states the recommendations (actions-service asks it before it writes). */
    private final AuditsStub audits = new AuditsStub();

    /** indicators-service, which checks the measurable criterion's indicator code. */
    @Override
    protected IndicatorsStub indicatorsStub() {
        return new IndicatorsStub().know("MASH-TIMELINESS");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(audits.properties());
        return properties;
    }

    @AfterAll
    void stopAudits() {
        audits.close();
    }

    private HttpResponse<Map<String, Object>> send(Map<String, Object> body, String token) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/actions/from-recommendation", body).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    void aRecommendationBecomesOneActionHoweverOftenItIsSent() {
        String manager = manager();
        AuditsStub.Finding finding = audits.recommendation("CSC");
        HttpResponse<Map<String, Object>> first = send(finding.request(), manager);
        assertEquals(HttpStatus.CREATED, first.getStatus());
        Object id = first.body().get("id");
        HttpResponse<Map<String, Object>> second = send(finding.request(), manager);
        assertEquals(HttpStatus.OK, second.getStatus());
        assertEquals(id, second.body().get("id"));
        Map<String, Object> action = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions/" + id)
                .bearerAuth(tvpUser()), Argument.mapOf(String.class, Object.class));
        assertEquals("NOT_STARTED", action.get("status"));
        assertEquals("ON_TRACK", action.get("delivery"));
        assertEquals("CSC", action.get("leadAgency"));
        List<?> plans = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/plans").bearerAuth(manager), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(1, plans.stream().filter(p -> finding.planSourceRef().equals(((Map<?, ?>) p).get("sourceRef"))).count(),
                "one plan per source audit");
    }

    @Test
    void concurrentSendsStillMakeOneAction() throws Exception {
        String manager = manager();
        AuditsStub.Finding finding = audits.recommendation("TVP");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return send(finding.request(), manager).getStatus().getCode();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertTrue(codes.stream().allMatch(c -> c == 200 || c == 201 || c == 409), "no 5xx: " + codes);
            List<?> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?agency=TVP").bearerAuth(manager), Argument.listOf(Argument.mapOf(String.class, Object.class)));
            assertEquals(1, all.stream().filter(a -> finding.sourceRef().equals(((Map<?, ?>) a).get("sourceRef"))).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgencyMayAdoptOnlyWhatItWillLead() {
        String tvp = tvpLead();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> send(audits.recommendation("CSC", "TVP").request(), tvp));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals(HttpStatus.CREATED, send(audits.recommendation("TVP").request(), tvp).getStatus());
        HttpClientResponseException chair = assertThrows(HttpClientResponseException.class,
                () -> send(audits.recommendation("CSC").request(), chair()));
        assertEquals(HttpStatus.FORBIDDEN, chair.getStatus());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/actions/from-recommendation", audits.recommendation("CSC").request())));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void plansAndActionsAreTheManagersToWrite() {
        String manager = manager();
        Map<String, Object> plan = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/plans",
                Map.of("title", "JTAI 2016 written statement of action", "sourceType", "INSPECTION", "sourceRef", "JTAI-2016",
                        "startDate", "2016-10-01")).bearerAuth(manager), Argument.mapOf(String.class, Object.class));
        Object planId = plan.get("id");
        Map<String, Object> action = new HashMap<>(Map.of("ref", "1.3", "issue", "Thresholds not understood",
                "action", "Refresh the threshold of needs training", "dueDate", "2017-03-31", "leadRole", "Head of Service",
                "leadAgency", "CSC", "priority", 2));
        HttpResponse<Map<String, Object>> created = client.toBlocking().exchange(HttpRequest.POST("/api/v1/plans/" + planId + "/actions", action)
                .bearerAuth(manager), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("OVERDUE", created.body().get("delivery"));
        Map<String, Object> withActions = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/plans/" + planId)
                .bearerAuth(chair()), Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((List<?>) withActions.get("actions")).size());

        for (String token : List.of(chair(), cscLead())) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.POST("/api/v1/plans", Map.of("title", "x", "sourceType", "AUDIT")).bearerAuth(token)));
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
            HttpClientResponseException a = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.POST("/api/v1/plans/" + planId + "/actions", action).bearerAuth(token)));
            assertEquals(HttpStatus.FORBIDDEN, a.getStatus());
        }
        Map<String, Object> early = new HashMap<>(action);
        early.put("dueDate", "2016-01-01");
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/plans/" + planId + "/actions", early).bearerAuth(manager)));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(bad.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"dueDate\""));
    }

    @Test
    void unknownIdsAre404() {
        String token = tvpUser();
        for (String path : List.of("/api/v1/plans/999999", "/api/v1/actions/999999")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token)));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        }
    }
}
