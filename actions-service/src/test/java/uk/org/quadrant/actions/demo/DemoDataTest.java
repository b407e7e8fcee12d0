package uk.org.quadrant.actions.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JTAI plan, Child J's recommendations and the business plan load; old actions read as overdue. */
@MicronautTest
@Property(name = "quadrant.demo-data.enabled", value = "true")
@Property(name = "micronaut.http.services.indicators.url", value = "http://127.0.0.1:9")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    @Test
    void thePartnershipsPlansAreThere() {
        String token = tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
        List<Map<String, Object>> plans = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/plans").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(plans.stream().anyMatch(p -> "JTAI-2016".equals(p.get("sourceRef"))));
        Object childJ = plans.stream().filter(p -> "CHILD-J".equals(p.get("sourceRef"))).findFirst().orElseThrow().get("id");
        Map<String, Object> plan = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/plans/" + childJ).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        assertEquals(7, ((List<?>) plan.get("actions")).size(), "Child J's seven recommendations");
        List<Map<String, Object>> overdue = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?delivery=OVERDUE").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(overdue.size() > 5, "2016–2019 actions still open are overdue today");
        // indicators-service is not running here: measurable actions still read, marked unavailable
        assertTrue(overdue.stream().filter(a -> a.get("measureIndicator") != null)
                .allMatch(a -> "UNAVAILABLE".equals(a.get("measureStatus"))));
        List<?> businessPlan = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/business-plan?year=2018April").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(11, businessPlan.size(), "3 aims and 8 priorities");
    }
}
