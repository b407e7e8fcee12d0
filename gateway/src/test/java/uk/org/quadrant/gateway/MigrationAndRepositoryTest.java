package uk.org.quadrant.gateway;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.directory.UserDirectory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs on embedded H2 by default and on a real MySQL/MariaDB with -Pmysql. */
@MicronautTest(transactional = false)
class MigrationAndRepositoryTest {

    @Inject
    Flyway flyway;
    @Inject
    ConnectionOperations<Connection> connections;
    @Inject
    AgencyRepository agencies;
    @Inject
    UserAccountRepository users;
    @Inject
    UserDirectory directory;

    @Test
    void migrationsAppliedOnTheDatabaseAskedFor() {
        assertEquals(0, flyway.info().pending().length);
        String product = connections.executeRead(status -> {
            try {
                return status.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        boolean mysql = "mysql".equals(System.getProperty("quadrant.test.db", "h2"));
        assertTrue(mysql ? product.contains("mysql") || product.contains("mariadb") : product.contains("h2"), product);
    }

    @Test
    void theThirteenAgenciesAreReferenceData() {
        Set<String> codes = StreamSupport.stream(agencies.findAll().spliterator(), false)
                .map(a -> a.code()).collect(Collectors.toSet());
        assertEquals(Set.of("CSC", "EI", "EDU", "TVP", "OH", "OUH", "CCG", "NPS", "CRC", "YJS", "PH", "VCS", "BOARD"), codes);
    }

    @Test
    void demoUsersExistForEveryAgency() {
        assertTrue(users.findByUsername("chair").isPresent());
        assertTrue(users.findByUsername("manager").isPresent());
        for (String code : new String[]{"csc", "ei", "edu", "tvp", "oh", "ouh", "ccg", "nps", "crc", "yjs", "ph", "vcs", "board"}) {
            assertEquals(code.toUpperCase(), users.findByUsername(code + ".lead").orElseThrow().agencyCode());
            assertEquals("AGENCY_CONTRIBUTOR", users.findByUsername(code + ".user").orElseThrow().roles());
        }
    }

    @Test
    void usernamesAreUnique() {
        Instant now = Instant.now();
        assertThrows(DataAccessException.class, () -> users.save(new UserAccount(null, "chair", "Duplicate", "BOARD",
                "BOARD_CHAIR", "$argon2id$v=19$m=19456,t=2,p=1$AAAA$AAAA", true, null, now, now)));
    }

    @Test
    void disabledUsersCannotSignIn() {
        Instant now = Instant.now();
        UserAccount template = users.findByUsername("ph.user").orElseThrow();
        UserAccount saved = users.save(new UserAccount(null, "ph.disabled", "Disabled contributor", "PH",
                "AGENCY_CONTRIBUTOR", template.passwordHash(), false, null, now, now));
        try {
            assertTrue(directory.authenticate("ph.user", "test-password-for-demo-users").isPresent());
            assertTrue(directory.authenticate("ph.disabled", "test-password-for-demo-users").isEmpty());
        } finally {
            users.delete(saved);
        }
    }

    @Test
    void unknownAgencyIsRejectedByTheDatabase() {
        Instant now = Instant.now();
        assertThrows(DataAccessException.class, () -> users.save(new UserAccount(null, "xx.user", "Nobody", "XX",
                "AGENCY_CONTRIBUTOR", "h", true, null, now, now)));
    }
}
