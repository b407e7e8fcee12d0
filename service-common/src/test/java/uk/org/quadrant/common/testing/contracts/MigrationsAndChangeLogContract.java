package uk.org.quadrant.common.testing.contracts;

import uk.org.quadrant.common.testing.support.WithTestTokens;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.common.changelog.ChangeLogRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's schema on the database the build asked for: every migration applied, on H2 by default and on
 * MySQL/MariaDB with {@code -Pmysql}; and the shared change log keeps an entry to the millisecond with its
 * unicode intact.
 *
 * <p>Each service runs it through a one-line subclass annotated {@code @MicronautTest(transactional = false)}
 * (JUnit runs the tests of the module's own classes, not those of this jar).
 */
public abstract class MigrationsAndChangeLogContract extends WithTestTokens {

    @Inject
    protected Flyway flyway;
    @Inject
    protected ConnectionOperations<Connection> connections;
    @Inject
    protected ChangeLogRepository changeLog;

    @Test
    void everyMigrationApplied() {
        assertEquals(0, flyway.info().pending().length);
        assertTrue(flyway.info().applied().length >= 1);
        String product = connections.executeRead(status -> {
            try {
                return status.getConnection().getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String expected = System.getProperty("quadrant.test.db", "h2");
        assertTrue(product.toLowerCase().contains(expected.equals("mysql") ? "m" : "h2"),
                "tests ran against " + product + " but " + expected + " was asked for");
    }

    @Test
    void changeLogRoundTrips() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChangeLogEntry saved = changeLog.save(new ChangeLogEntry(null, at, "tvp.lead", "TVP",
                "test-entity", "42", "UPDATE", "{\"v\":1}", "{\"v\":2, \"note\":\"ünïcödé ✓\"}"));
        List<ChangeLogEntry> found = changeLog.findByEntityTypeAndEntityIdOrderByIdDesc("test-entity", "42", Pageable.from(0, 10));
        assertEquals(1, found.size());
        assertEquals(saved.id(), found.get(0).id());
        assertEquals(at, found.get(0).changedAt());
        assertEquals("{\"v\":2, \"note\":\"ünïcödé ✓\"}", found.get(0).newValue());
    }
}
