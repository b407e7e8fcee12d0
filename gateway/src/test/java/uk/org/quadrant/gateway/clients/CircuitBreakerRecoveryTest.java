package uk.org.quadrant.gateway.clients;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that fails repeatedly has its circuit opened (the board page stops waiting on it), and
 * when it comes back the page recovers by itself after the open period, with no restart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitBreakerRecoveryTest implements TestPropertyProvider {

    private final ServiceStandIn indicators = new ServiceStandIn().on("/api/v1/scorecard",
            "[{\"code\":\"LAC\",\"title\":\"Looked-after children\",\"ownerAgency\":\"CSC\",\"priority\":1,\"rag\":\"RED\",\"direction\":\"WORSENING\",\"value\":700,\"target\":600}]");
    private final ServiceStandIn audits = new ServiceStandIn().on("/api/v1/*", "[]");
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/*", "[]");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Downstream downstream;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url(),
                "quadrant.downstream.breaker-threshold", "2",
                "quadrant.downstream.breaker-open-for", "PT1S");
    }

    @AfterAll
    void stop() {
        indicators.close();
        audits.close();
        actions.close();
    }

    @Test
    void theCircuitOpensOnRepeatedFailuresAndClosesWhenTheServiceIsBack() throws InterruptedException {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        assertTrue(browser.get("/board").body().contains("Looked-after children"));

        indicators.failWith(500);
        for (int i = 0; i < 2; i++) {
            Browserless.Page page = browser.get("/board");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("Performance data is not available right now"));
        }
        assertEquals(CircuitBreaker.State.OPEN, downstream.breakerState(Service.INDICATORS));
        indicators.clear();
        assertTrue(browser.get("/board").body().contains("Performance data is not available right now"));
        assertTrue(indicators.received().isEmpty(), "an open circuit does not call the service at all");
        assertEquals(CircuitBreaker.State.CLOSED, downstream.breakerState(Service.AUDITS), "other services are not affected");

        indicators.recover();
        Thread.sleep(1100);
        Browserless.Page page = browser.get("/board");
        assertTrue(page.body().contains("Looked-after children"), "recovered without a restart");
        assertFalse(page.body().contains("Performance data is not available right now"));
        assertEquals(CircuitBreaker.State.CLOSED, downstream.breakerState(Service.INDICATORS));
    }
}
