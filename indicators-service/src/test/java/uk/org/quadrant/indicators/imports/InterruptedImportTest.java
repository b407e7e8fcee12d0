package uk.org.quadrant.indicators.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import interrupted half-way leaves nothing behind. Every row of these files passes the
 * service's checks; the database itself then refuses one statement part-way through the writing
 * (a trigger standing in for a constraint only the database enforces, a full disk, a lost
 * connection): the import answers with a clean error and not one of its rows, updates, change-log
 * entries or version bumps is left in the database, which is read directly here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptedImportTest implements TestPropertyProvider {

    private static final String HEADER = "indicator_code,period,agency,value,numerator,denominator,comment\n";
    private static final String CODE = "INT-MONTHLY";
    private static final String URL = "jdbc:h2:mem:import-interrupted;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR;DB_CLOSE_DELAY=-1";

    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient http;

    private String manager;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(tokens.properties());
        // A database of its own: the triggers below must not reach any other test class.
        p.put("datasources.default.url", URL);
        // An H2 database of its own even in the MariaDB run (-Pmysql sets the MariaDB driver and user).
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        return p;
    }

    @BeforeAll
    void define() {
        manager = tokens.board("manager", "BOARD_MANAGER");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/indicators", Map.of("code", CODE, "title", "Interrupted import",
                "unit", "COUNT", "polarity", "LOWER_IS_BETTER", "frequency", "MONTHLY", "ownerAgency", "CSC", "priority", 3))
                .bearerAuth(manager));
        // Two drafts the big file will update: an interrupted import must leave them as they were.
        HttpResponse<?> first = importCsv(HEADER + CODE + ",200001,CSC,1,,,\n" + CODE + ",200001,TVP,2,,,\n");
        assertEquals(200, first.code());
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    @AfterEach
    void dropTriggers() throws SQLException {
        sql("DROP TRIGGER IF EXISTS interrupt_import");
        InterruptImport.FAIL_AT.set(0);
        InterruptImport.SEEN.set(0);
    }

    /** 480 rows (two agencies, every month of 2000–2019); the first two update existing drafts. */
    private static String bigFile() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String agency : new String[] {"CSC", "TVP"}) {
            for (int year = 2000; year < 2020; year++) {
                for (int month = 1; month <= 12; month++) {
                    csv.append(CODE).append(',').append(year).append(String.format("%02d", month)).append(',')
                            .append(agency).append(",100,,,imported\n");
                }
            }
        }
        return csv.toString();
    }

    @Test
    void theDatabaseRefusingTheThreeHundredthInsertLeavesNoRowOfTheImport() throws SQLException {
        Snapshot before = snapshot();
        sql("CREATE TRIGGER interrupt_import BEFORE INSERT ON indicator_value FOR EACH ROW CALL '"
                + InterruptImport.class.getName() + "'");
        InterruptImport.FAIL_AT.set(300);

        HttpResponse<?> res = importCsv(bigFile());

        assertCleanFailure(res);
        assertTrue(InterruptImport.SEEN.get() >= 300, "the import reached the database and was stopped part-way: "
                + InterruptImport.SEEN.get() + " inserts tried");
        assertEquals(before, snapshot(), "nothing of the interrupted import is left");
        assertImportsWholeOnceTheDatabaseAccepts();
    }

    @Test
    void theDatabaseRefusingTheLastStatementLeavesNoRowChangeLogEntryOrUpdate() throws SQLException {
        Snapshot before = snapshot();
        // The import's last statements are the scorecard-version bumps (CSC's row, then TVP's), after
        // every value and change-log row; the first of them fails.
        sql("CREATE TRIGGER interrupt_import BEFORE UPDATE ON scorecard_version FOR EACH ROW CALL '"
                + InterruptImport.class.getName() + "'");
        InterruptImport.FAIL_AT.set(1);

        HttpResponse<?> res = importCsv(bigFile());

        assertCleanFailure(res);
        assertEquals(1, InterruptImport.SEEN.get(), "every row was written before the last statement failed");
        assertEquals(before, snapshot(), "nothing of the interrupted import is left");
        assertImportsWholeOnceTheDatabaseAccepts();
    }

    private void assertImportsWholeOnceTheDatabaseAccepts() throws SQLException {
        dropTriggers();
        HttpResponse<?> again = importCsv(bigFile());
        assertEquals(200, again.code(), () -> "the same file imports once the database accepts it: " + again.getBody(String.class));
        Snapshot after = snapshot();
        assertEquals(480, after.values(), "every row, once: nothing half-imported was in the way");
        assertEquals(new java.math.BigDecimal("100.0000"), after.firstAmount());
        // Restore the starting point for the other test.
        sql("DELETE FROM indicator_value WHERE indicator_code = '" + CODE + "' AND period <> '200001'");
        sql("UPDATE indicator_value SET amount = CASE agency_code WHEN 'CSC' THEN 1 ELSE 2 END WHERE indicator_code = '" + CODE + "'");
        sql("DELETE FROM change_log WHERE entity_id LIKE '" + CODE + "/%' AND new_value = '100'");
    }

    private static void assertCleanFailure(HttpResponse<?> res) {
        String body = res.getBody(String.class).orElse("");
        assertEquals(500, res.code(), body);
        assertTrue(res.getContentType().map(Object::toString).orElse("").startsWith("application/problem+json"), body);
        assertTrue(body.contains("Reference"), body);
        assertFalse(body.contains("SQL") || body.contains("Exception") || body.contains("simulated"), () -> "leaks: " + body);
    }

    private HttpResponse<?> importCsv(String csv) {
        HttpRequest<String> request = HttpRequest.POST("/api/v1/values/import?format=quadrant", csv)
                .contentType("text/csv").bearerAuth(manager);
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    /** What an import can touch, read straight from the database. */
    record Snapshot(long values, java.math.BigDecimal firstAmount, java.math.BigDecimal secondAmount, long changeLog, long scorecardVersions) {
    }

    private Snapshot snapshot() throws SQLException {
        return new Snapshot(
                count("SELECT COUNT(*) FROM indicator_value WHERE indicator_code = '" + CODE + "'"),
                amount("CSC"), amount("TVP"),
                count("SELECT COUNT(*) FROM change_log"),
                count("SELECT SUM(own_version + board_version + public_version) FROM scorecard_version"));
    }

    private java.math.BigDecimal amount(String agency) throws SQLException {
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT amount FROM indicator_value WHERE indicator_code = ? AND agency_code = ? AND period = '200001'")) {
            st.setString(1, CODE);
            st.setString(2, agency);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A connection of the test's own, beside the service's pool, to the same database. */
    private static Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(URL, "sa", "");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Refuses the FAIL_AT-th row it sees, as a database refusing a write part-way through would. */
    public static class InterruptImport implements Trigger {
        static final AtomicInteger FAIL_AT = new AtomicInteger();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (SEEN.incrementAndGet() == FAIL_AT.get()) {
                throw new SQLException("simulated: the database refused statement " + FAIL_AT.get(), "23000");
            }
        }
    }
}
