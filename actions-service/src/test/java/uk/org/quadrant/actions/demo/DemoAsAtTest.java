package uk.org.quadrant.actions.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.support.WithTestTokens;

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
class DemoAsAtTest extends WithTestTokens {

    private static final LocalDate AS_AT = LocalDate.of(2018, 5, 15);

    @Test
    void deliveryIsWorkedOutForTheConfiguredDay() {
        String token = cscUser();
        List<Map<String, Object>> all = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?size=200").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<Map<String, Object>> overdue = all.stream().filter(a -> "OVERDUE".equals(a.get("delivery"))).toList();
        assertFalse(overdue.isEmpty(), "actions due before 15 May 2018 and not completed are overdue");
        assertTrue(overdue.stream().allMatch(a -> LocalDate.parse(a.get("dueDate").toString()).isBefore(AS_AT)),
                "nothing due after the as-at day is overdue: " + overdue);
        List<Map<String, Object>> later = all.stream()
                .filter(a -> LocalDate.parse(a.get("dueDate").toString()).isAfter(AS_AT.plusDays(60))).toList();
        assertFalse(later.isEmpty(), "the demo has actions due in 2019");
        assertTrue(later.stream().noneMatch(a -> "OVERDUE".equals(a.get("delivery"))), later.toString());
        List<Map<String, Object>> filtered = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/actions?delivery=OVERDUE&size=200")
                .bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(overdue.size(), filtered.size(), "the database filter works out the same day as the rows it returns");
    }
}
