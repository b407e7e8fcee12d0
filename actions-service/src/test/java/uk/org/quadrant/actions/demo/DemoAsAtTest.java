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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the gateway's "as at" (QUADRANT_AS_AT, 2018-05-15 in the demo) the service works out delivery
 * for that day too: the 2018/19 business-plan actions due 31 March 2019 are not overdue, as the
 * agency area dated 15 May 2018 says, while actions due before that day are.
 */
@MicronautTest
@Property(name = "quadrant.demo-data.enabled", value = "true")
@Property(name = "quadrant.delivery.as-at", value = "2018-05-15")
@Property(name = "micronaut.http.services.indicators.url", value = "http://127.0.0.1:9")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAsAtTest implements TestPropertyProvider {

    private static final LocalDate AS_AT = LocalDate.of(2018, 5, 15);
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
    void deliveryIsWorkedOutForTheConfiguredDay() {
        String token = tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
        List<Map<String, Object>> all = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?size=200").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<Map<String, Object>> overdue = all.stream().filter(a -> "OVERDUE".equals(a.get("delivery"))).toList();
        assertFalse(overdue.isEmpty(), "actions due before 15 May 2018 and not completed are overdue");
        assertTrue(overdue.stream().allMatch(a -> LocalDate.parse(a.get("dueDate").toString()).isBefore(AS_AT)),
                "nothing due after the as-at day is overdue: " + overdue);
        List<Map<String, Object>> later = all.stream()
                .filter(a -> LocalDate.parse(a.get("dueDate").toString()).isAfter(AS_AT.plusDays(60))).toList();
        assertFalse(later.isEmpty(), "the demo has actions due in 2019");
        assertTrue(later.stream().noneMatch(a -> "OVERDUE".equals(a.get("delivery"))), later.toString());
        List<Map<String, Object>> filtered = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?delivery=OVERDUE&size=200")
                .bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(overdue.size(), filtered.size(), "the database filter works out the same day as the rows it returns");
    }
}
