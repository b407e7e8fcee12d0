package uk.org.quadrant.actions;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.common.changelog.ChangeLogRepository;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs on embedded H2 by default and on a real MySQL/MariaDB with -Pmysql. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationAndRepositoryTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();

    @Inject
    Flyway flyway;
    @Inject
    ConnectionOperations<Connection> connections;
    @Inject
    ChangeLogRepository changeLog;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
    }

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
