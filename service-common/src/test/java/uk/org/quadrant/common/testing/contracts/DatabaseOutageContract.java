package uk.org.quadrant.common.testing.contracts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.api.ServiceApiTest;
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
 *
 * <p>Each service runs it through a subclass annotated {@code @MicronautTest(transactional = false)} that
 * names one of its resources: what to write first, a read of it, and a write to it.
 */
public abstract class DatabaseOutageContract extends ServiceApiTest {

    protected final DatabaseServer database = new DatabaseServer();

    /** Writes (and reads back) what the outage will touch, while the database answers. */
    protected abstract void prepare();

    /** A read of that resource: refused during the outage, answered (200) after it. */
    protected abstract Api.Res read();

    /** A write to it: refused during the outage, done after it (the same write both times). */
    protected abstract Api.Res write();

    /** The write's status once it is done. */
    protected int written() {
        return 201;
    }

    /** After the outage: the write refused during it was not done, and the one after it was, once. */
    protected abstract void assertWrittenOnce();

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
        prepare();
        read().expect(200);
        assertEquals(200, api.get(null, "/health/readiness").status, "ready while the database answers");

        database.stop();

        Api.Res readiness = api.get(null, "/health/readiness");
        assertEquals(503, readiness.status, () -> "not ready without a database: " + readiness);
        assertTrue(readiness.body.contains("DOWN"), readiness::toString);
        assertEquals(200, api.get(null, "/health/liveness").status, "still alive: no restart for a database outage");

        long started = System.nanoTime();
        Api.Res read = read();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertCleanUnavailable(read);
        // The pool's connection timeout is two seconds (application.yml); a generous bound that still
        // fails if the pool waited its default thirty seconds.
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, () -> "a request failed only after " + took);
        System.out.println("database down: the request failed with 503 after " + took.toMillis() + " ms");
        assertCleanUnavailable(write());

        database.start();
        long restarted = System.nanoTime();
        assertEquals(200, awaitReadiness(Duration.ofSeconds(30)), "ready again once the database is back");
        System.out.println("database back: ready again after " + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");

        read().expect(200);
        write().expect(written());
        assertWrittenOnce();
    }

    private static void assertCleanUnavailable(Api.Res res) {
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
                Thread.sleep(1000); // a probe's pace: the pool re-checks a connection idle for over half a second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        } while (System.nanoTime() < deadline);
        return status;
    }
}
