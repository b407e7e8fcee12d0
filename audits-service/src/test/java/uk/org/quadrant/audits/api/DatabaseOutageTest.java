package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.support.DatabaseServer;

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
class DatabaseOutageTest extends ApiTestBase {

    private final DatabaseServer database = new DatabaseServer();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(database.properties());
        return properties;
    }

    @AfterAll
    void stopDatabase() {
        database.close();
    }

    @Test
    void readinessDropsRequestsFailCleanlyAndTheServiceRecoversWhenTheDatabaseReturns() {
        Api api = api();
        long id = multiAgencyAudit("Outage audit", "CSC", java.util.List.of("TVP"), "2017-04-01", "2018-03-31");
        recordCase(cscUser(), id, "OUT-1", "GOOD", "CSC").expect(201);
        api.get(manager(), cases(id)).expect(200);
        assertEquals(200, api.get(null, "/health/readiness").status, "ready while the database answers");

        database.stop();

        Api.Res readiness = api.get(null, "/health/readiness");
        assertEquals(503, readiness.status, () -> "not ready without a database: " + readiness);
        assertTrue(readiness.body.contains("DOWN"), readiness::toString);
        assertEquals(200, api.get(null, "/health/liveness").status, "still alive: no restart for a database outage");

        long started = System.nanoTime();
        Api.Res read = api.get(manager(), audit(id));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertCleanUnavailable(read);
        // The pool's connection timeout is two seconds (application.yml); a generous bound that still
        // fails if the pool waited its default thirty seconds.
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, () -> "a request failed only after " + took);
        System.out.println("database down: the request failed with 503 after " + took.toMillis() + " ms");

        Api.Res write = recordCase(cscUser(), id, "OUT-2", "GOOD", "CSC");
        assertCleanUnavailable(write);

        database.start();
        long restarted = System.nanoTime();

        assertEquals(200, awaitReadiness(Duration.ofSeconds(30)), "ready again once the database is back");
        System.out.println("database back: ready again after " + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");
        api.get(manager(), audit(id)).expect(200);
        recordCase(cscUser(), id, "OUT-2", "GOOD", "CSC").expect(201);
        assertEquals(2, api.get(manager(), cases(id)).expect(200).list().size(),
                "the case refused during the outage was not written; the one after it was, once");
    }

    private void assertCleanUnavailable(Api.Res res) {
        assertEquals(503, res.status, res::toString);
        assertTrue(res.contentType.startsWith("application/problem+json"), res::toString);
        assertEquals(503, ((Number) res.get("status")).intValue(), res::toString);
        assertTrue(String.valueOf(res.get("detail")).contains("database is not answering"), res::toString);
        for (String leak : new String[] {"Exception", "\tat ", "jdbc:", "Hikari", "SQL"}) {
            assertFalse(res.body.contains(leak), () -> "leaks '" + leak + "': " + res);
        }
    }

    private int awaitReadiness(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = api().get(null, "/health/readiness").status;
            if (status == 200) {
                return status;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        } while (System.nanoTime() < deadline);
        return status;
    }
}
