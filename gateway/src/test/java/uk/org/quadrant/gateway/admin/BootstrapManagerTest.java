package uk.org.quadrant.gateway.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first board manager of a production deployment (no demo users): the one-off command
 * {@code bootstrap-manager} run against this test's database (H2, or MariaDB with -Pmysql), as the
 * Kubernetes Job runs it against the gateway's (issue 14, 9).
 */
@MicronautTest(transactional = false) // the command writes on its own connections: read what is committed
@Property(name = "quadrant.demo-data.enabled", value = "false")
class BootstrapManagerTest {

    private static final String PASSWORD = "first-manager-passphrase-2026";

    @Inject
    ApplicationContext context;

    @Inject
    UserAccountRepository users;

    @Inject
    ChangeLogRepository changes;

    @Inject
    @Client("/")
    HttpClient http;

    @TempDir
    Path secrets;

    @Test
    void createsTheFirstManagerWhoCanSignInAndRefusesEveryLaterRun() throws IOException {
        assertTrue(managers().isEmpty(), "production starts without any board manager");
        // As the Job passes them: the password from a mounted Secret file, with the line break an editor adds.
        Path passwordFile = Files.writeString(secrets.resolve("password"), PASSWORD + "\n");
        Run first = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", "Jo.Manager",
                "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "Jo Manager (business unit)",
                "QUADRANT_BOOTSTRAP_PASSWORD_FILE", passwordFile.toString()));
        assertEquals(0, first.status(), first.output());
        assertTrue(first.output().contains("created board manager jo.manager"), first.output());
        assertFalse(first.output().contains(PASSWORD), "the password is never printed");

        UserAccount manager = users.findByUsername("jo.manager").orElseThrow();
        assertEquals(Set.of(Role.BOARD_MANAGER), manager.roleSet());
        assertEquals("BOARD", manager.agencyCode());
        assertEquals("Jo Manager (business unit)", manager.displayName());
        assertTrue(manager.enabled());
        assertFalse(manager.passwordHash().contains(PASSWORD));

        List<ChangeLogEntry> log = changes.list(Pageable.from(0, 20, Sort.of(Sort.Order.desc("id"))));
        ChangeLogEntry entry = log.get(0);
        assertEquals("bootstrap-manager", entry.changedBy());
        assertEquals("user", entry.entityType());
        assertEquals("jo.manager", entry.entityId());
        assertEquals("CREATE", entry.action());
        assertTrue(entry.newValue().contains("roles=BOARD_MANAGER"), entry.newValue());
        assertFalse(entry.newValue().contains(PASSWORD));

        // That manager signs in over HTTP, to the running gateway.
        HttpResponse<Map<String, Object>> token = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/auth/token", Map.of("username", "jo.manager", "password", PASSWORD)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.OK, token.getStatus());
        assertTrue(String.valueOf(token.body().get("access_token")).length() > 20);

        // A second run, for another person or the same, changes nothing.
        long userCount = users.count();
        long logCount = changes.count();
        for (String username : List.of("someone.else", "jo.manager")) {
            Run again = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", username,
                    "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "Another manager",
                    "QUADRANT_BOOTSTRAP_PASSWORD", "another-long-passphrase"));
            assertEquals(1, again.status(), again.output());
            assertTrue(again.output().contains("refused: a board manager already exists"), again.output());
            assertEquals(userCount, users.count());
            assertEquals(logCount, changes.count());
            assertTrue(users.findByUsername("someone.else").isEmpty());
        }
        assertEquals(manager.passwordHash(), users.findByUsername("jo.manager").orElseThrow().passwordHash(),
                "the first manager's password is untouched");
    }

    @Test
    void aWeakPasswordOrAMissingOrBadInputIsRefusedAndChangesNothing() {
        long userCount = users.count();
        long logCount = changes.count();
        Run weak = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", "weak.manager",
                "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "Weak", "QUADRANT_BOOTSTRAP_PASSWORD", "short-pass"));
        assertEquals(2, weak.status(), weak.output());
        assertTrue(weak.output().contains("password: Password must be at least 12 characters"), weak.output());

        Run blank = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", "blank.manager",
                "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "Blank", "QUADRANT_BOOTSTRAP_PASSWORD", "               "));
        assertEquals(2, blank.status(), blank.output());
        assertTrue(blank.output().contains("Password must not be only spaces"), blank.output());

        Run missing = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", "no.password", "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "No password"));
        assertEquals(2, missing.status(), missing.output());
        assertTrue(missing.output().contains("QUADRANT_BOOTSTRAP_PASSWORD: set QUADRANT_BOOTSTRAP_PASSWORD or QUADRANT_BOOTSTRAP_PASSWORD_FILE"),
                missing.output());

        Run badName = run(Map.of("QUADRANT_BOOTSTRAP_USERNAME", "jo manager!",
                "QUADRANT_BOOTSTRAP_DISPLAY_NAME", "Jo", "QUADRANT_BOOTSTRAP_PASSWORD", "a-perfectly-good-passphrase"));
        assertEquals(2, badName.status(), badName.output());
        assertTrue(badName.output().contains("username: Username must be 2 to 100 characters"), badName.output());

        assertEquals(userCount, users.count());
        assertEquals(logCount, changes.count());
        for (String username : List.of("weak.manager", "blank.manager", "no.password", "jo manager!")) {
            assertTrue(users.findByUsername(username).isEmpty(), username);
        }
    }

    private List<UserAccount> managers() {
        return users.listOrderByUsername().stream().filter(u -> u.roleSet().contains(Role.BOARD_MANAGER)).toList();
    }

    record Run(int status, String output) {
    }

    /** The command as the Job runs it, pointed at this test's database (the Job gets DATASOURCES_DEFAULT_*). */
    private Run run(Map<String, String> env) {
        Map<String, Object> database = new HashMap<>();
        for (String key : List.of("datasources.default.url", "datasources.default.username", "datasources.default.password",
                "datasources.default.driver-class-name", "quadrant.data-dir")) {
            context.getProperty(key, String.class).ifPresent(v -> database.put(key, v));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BootstrapManagerCommand.run(env, database, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
