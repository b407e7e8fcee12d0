package uk.org.quadrant.gateway.faults;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.clients.CircuitBreaker;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service stopped mid-use in the worst way, taking requests and never answering: fifty board pages
 * asked at once all come back (200, its panel greyed out, the others filled) within the downstream
 * timeout plus a margin, not after the HTTP client's thirty-second read timeout; the gateway then
 * still answers {@code /health} and a page at once (no thread or connection pool exhausted), and
 * when the service answers again the board recovers by itself (circuit breaker half-open, closed).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HangingServiceLoadTest implements TestPropertyProvider {

    private static final int PAGES = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Generous for fifty pages rendered on two cores, and still far below the 30 s a hung call would take. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final ServiceStandIn indicators = new ServiceStandIn().on("/api/v1/scorecard",
            "[{\"code\":\"LAC\",\"title\":\"Looked-after children\",\"ownerAgency\":\"CSC\",\"priority\":1,\"rag\":\"RED\",\"direction\":\"WORSENING\",\"value\":700,\"target\":600}]");
    private final ServiceStandIn audits = new ServiceStandIn().on("/api/v1/*", "[]");
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/*", "[]");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Downstream downstream;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url(),
                "quadrant.downstream.timeout", "PT2S",
                "quadrant.downstream.breaker-open-for", "PT20S");
    }

    @AfterAll
    void stop() {
        indicators.recover();
        indicators.close();
        audits.close();
        actions.close();
    }

    @Test
    void fiftyBoardPagesWhileAServiceHangsAllAnswerInTimeAndTheGatewayStaysResponsive() throws Exception {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn("chair", Browserless.DEMO_PASSWORD).status());
        String session = "quadrant_session=" + browser.cookie("quadrant_session").orElseThrow();
        assertTrue(browser.get("/board").body().contains("Looked-after children"));

        indicators.hang();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService callers = Executors.newFixedThreadPool(PAGES);
        try {
            List<CompletableFuture<long[]>> pages = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                pages.add(CompletableFuture.supplyAsync(() -> timedGet(client, "/board", session), callers));
            }
            long slowest = 0;
            for (CompletableFuture<long[]> page : pages) {
                long[] statusAndMillis = page.get(60, TimeUnit.SECONDS);
                assertEquals(200, statusAndMillis[0], "every page still renders while a service hangs");
                slowest = Math.max(slowest, statusAndMillis[1]);
            }
            long worst = slowest;
            System.out.println(PAGES + " board pages with indicators-service hanging: slowest " + worst + " ms");
            assertTrue(worst < TIMEOUT.plus(MARGIN).toMillis(), () -> "a page took " + worst + " ms");
            assertTrue(indicators.received().size() > 0, "the hanging service was really called");

            long[] health = timedGet(client, "/health", null);
            System.out.println("then /health: " + health[1] + " ms");
            assertEquals(200, health[0]);
            assertTrue(health[1] < MARGIN.toMillis(), "the gateway still answers promptly: " + health[1] + " ms");
            assertEquals(CircuitBreaker.State.OPEN, downstream.breakerState(Service.INDICATORS),
                    "the circuit opened: later pages stop waiting on the hung service");
            long[] next = timedGet(client, "/board", session);
            assertEquals(200, next[0]);
            System.out.println("then one more board page with the circuit open: " + next[1] + " ms");
            assertTrue(next[1] < TIMEOUT.toMillis(), "with the circuit open a page does not wait on the hung service: " + next[1] + " ms");
        } finally {
            callers.shutdownNow();
        }

        indicators.recover();
        // Once the circuit's open period (20 s, longer than the burst can take) is over, the next page's
        // call is the half-open trial; it succeeds and the circuit closes.
        Browserless.Page page = browser.get("/board");
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!page.body().contains("Looked-after children") && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            page = browser.get("/board");
        }
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Looked-after children"), "recovered by itself, no restart");
        assertFalse(page.body().contains("Performance data is not available right now"));
        assertEquals(CircuitBreaker.State.CLOSED, downstream.breakerState(Service.INDICATORS));
    }

    private long[] timedGet(java.net.http.HttpClient client, String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (path.equals("/board") && response.statusCode() == 200) {
                assertTrue(response.body().contains("Performance data is not available right now")
                        || response.body().contains("Looked-after children"), response.body());
            }
            return new long[] {response.statusCode(), millis};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
