package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo users' public default password is for a laptop's embedded database: a gateway asked to create
 * demo users on a server database (the Kubernetes dev overlay, behind an Ingress) with it refuses to
 * start (issue 14, 8). The check runs before the directory is touched, so no database is needed here.
 */
class DemoPasswordGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"quadrant-demo-2026", "", "  "})
    void demoUsersOnAServerDatabaseWithThePublicOrNoPasswordStopTheStart(String password) {
        DemoUsersSeeder seeder = new DemoUsersSeeder(null, null, null, true,
                "jdbc:mariadb://gateway-db:3306/quadrant_gateway", password);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> seeder.onApplicationEvent(null));
        assertTrue(e.getMessage().contains("QUADRANT_DEMO_PASSWORD"), e.getMessage());
    }

    @Test
    void theDefaultInApplicationYmlIsTheOneTheGuardKnows() throws Exception {
        String yml = new String(DemoUsersSeeder.class.getResourceAsStream("/application.yml").readAllBytes());
        assertTrue(yml.contains("${QUADRANT_DEMO_PASSWORD:" + DemoUsersSeeder.PUBLIC_DEFAULT + "}"), "keep the two in step");
    }
}
