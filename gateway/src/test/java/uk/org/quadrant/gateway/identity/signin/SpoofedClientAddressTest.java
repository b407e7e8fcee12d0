package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.RawHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, finding 2, with the default limits (a client blocked for 15 minutes after 50 failures) and
 * no proxy trusted (the default): forged {@code X-Forwarded-For}/{@code Forwarded} (and the other
 * usual client-address headers) neither give a client a fresh count nor charge its failures to somebody
 * else. Each test is its own client: a loopback address of its own (127.0.0.5, 127.0.0.6 …).
 */
@MicronautTest
class SpoofedClientAddressTest {

    @Inject
    EmbeddedServer server;

    /** A token request from another loopback address (another client of this machine), with the headers given. */
    private RawHttp.Response tokenFrom(String peer, String username, String password, Map<String, String> headers) {
        return RawHttp.postJson(peer, server.getPort(), "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", headers);
    }

    @Test
    void aFreshForwardedAddressOnEveryAttemptDoesNotResetTheClientsCount() {
        // Made-up usernames, one per attempt, so only the per-client limit (50, the default) can stop them.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String spoofed = "198.51." + (i / 250) + "." + (i % 250 + 1);
            statuses.add(tokenFrom("127.0.0.5", "spray-" + i, "wrong-password", Map.of(
                    "X-Forwarded-For", spoofed, "Forwarded", "for=" + spoofed, "X-Real-IP", spoofed, "True-Client-IP", spoofed))
                    .status());
        }
        assertEquals(List.of(401), statuses.subList(0, 50).stream().distinct().toList(), "the first 50 are checked: " + statuses);
        assertEquals(List.of(429), statuses.subList(50, 120).stream().distinct().toList(),
                "from the 51st the client is blocked, whatever address it claims: " + statuses);
    }

    @Test
    void anAttackerNamingTheVictimsAddressDoesNotBlockTheVictim() {
        String victim = "127.0.0.7";
        for (int i = 0; i < 60; i++) {
            tokenFrom("127.0.0.6", "victim-spoof-" + i, "wrong-password", Map.of(
                    "X-Forwarded-For", victim, "Forwarded", "for=" + victim + ", for=\"" + victim + ":443\""));
        }
        assertEquals(429, tokenFrom("127.0.0.6", "victim-spoof-last", "wrong-password", Map.of("X-Forwarded-For", victim)).status(),
                "the attacker blocked itself");
        RawHttp.Response signIn = tokenFrom(victim, "ei.lead", Browserless.DEMO_PASSWORD, Map.of());
        assertEquals(200, signIn.status(), "the victim's office still signs in: " + signIn.body());
    }
}
