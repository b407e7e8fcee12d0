package uk.org.quadrant.actions.faults;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.support.DatabaseServer;
import uk.org.quadrant.actions.support.IndicatorsStub;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database stops under the running service and comes back: readiness goes DOWN (503) while
 * liveness stays UP (Kubernetes takes the pod out of the Service but does not restart it), API
 * calls fail cleanly and quickly with a 503 problem+json, and once the database is back the same
 * calls succeed again without restarting the service (the pool reconnects by itself).
 * The database is a real H2 server over TCP that this test stops and starts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();
    private final IndicatorsStub indicators = new IndicatorsStub();
    private final DatabaseServer database = new DatabaseServer();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(tokens.properties());
        p.putAll(indicators.properties());
        p.putAll(database.properties());
        return p;
    }

    @AfterAll
    void stop() {
        database.close();
        indicators.close();
        tokens.close();
    }

    private String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    private Map<String, Object> plan(String ref) {
        return Map.of("title", "Outage plan " + ref, "sourceType", "SERIOUS_CASE_REVIEW", "sourceRef", ref);
    }

    @Test
    void readinessDropsRequestsFailCleanlyAndTheServiceRecoversWhenTheDatabaseReturns() {
        Api api = new Api(http, json);
        assertEquals(201, api.post(manager(), "/api/v1/plans", plan("outage-1")).status);
        assertEquals(200, api.get(manager(), "/api/v1/plans").status);
        assertEquals(200, api.get(null, "/health/readiness").status, "ready while the database answers");

        database.stop();

        Api.Res readiness = api.get(null, "/health/readiness");
        assertEquals(503, readiness.status, () -> "not ready without a database: " + readiness);
        assertTrue(readiness.body.contains("DOWN"), readiness::toString);
        assertEquals(200, api.get(null, "/health/liveness").status, "still alive: no restart for a database outage");

        long started = System.nanoTime();
        Api.Res read = api.get(manager(), "/api/v1/plans");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertCleanUnavailable(read);
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, () -> "a request failed only after " + took);
        System.out.println("database down: the request failed with 503 after " + took.toMillis() + " ms");
        assertCleanUnavailable(api.post(manager(), "/api/v1/plans", plan("outage-2")));

        database.start();
        long restarted = System.nanoTime();
        assertEquals(200, awaitReadiness(api, Duration.ofSeconds(30)), "ready again once the database is back");
        System.out.println("database back: ready again after " + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");

        assertEquals(200, api.get(manager(), "/api/v1/plans").status);
        Api.Res created = api.post(manager(), "/api/v1/plans", plan("outage-2"));
        assertEquals(201, created.status, created::toString);
        long outagePlans = api.get(manager(), "/api/v1/plans").list().stream()
                .filter(p -> String.valueOf(p.get("title")).startsWith("Outage plan ")).count();
        assertEquals(2, outagePlans, "the plan refused during the outage was not written; the one after it was, once");
    }

    private static void assertCleanUnavailable(Api.Res res) {
        assertEquals(503, res.status, res::toString);
        assertTrue(res.contentType.startsWith("application/problem+json"), res::toString);
        assertEquals(503, ((Number) res.map().get("status")).intValue(), res::toString);
        assertTrue(String.valueOf(res.map().get("detail")).contains("database is not answering"), res::toString);
        for (String leak : new String[] {"Exception", "\tat ", "jdbc:", "Hikari", "SQL"}) {
            assertFalse(res.body.contains(leak), () -> "leaks '" + leak + "': " + res);
        }
    }

    private static int awaitReadiness(Api api, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = api.get(null, "/health/readiness").status;
            if (status == 200) {
                return status;
            }
            try {
                Thread.sleep(1000); // a probe's pace: the pool re-checks a connection idle for over half a second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        } while (System.nanoTime() < deadline);
        return status;
    }
}
