package uk.org.quadrant.gateway.signin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeated failed sign-ins are slowed, then blocked, by the form and by the token API alike, and the
 * answers are the same whether the account exists or not. Forged forwarding headers change nothing:
 * no proxy is trusted here (the default), so a client is its socket address (issue 14, finding 2).
 */
@MicronautTest
@Property(name = "quadrant.auth.throttle.account-free-failures", value = "3")
@Property(name = "quadrant.auth.throttle.account-block-after", value = "5")
@Property(name = "quadrant.auth.throttle.block-for", value = "PT2S")
class SignInThrottlingTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private int tokenStatus(String username, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/token",
                    Map.of("username", username, "password", password))).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private List<Integer> failFiveTimes(String username) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(tokenStatus(username, "wrong-password-" + i));
            if (statuses.get(statuses.size() - 1) == 429) {
                Thread.sleep(1100);
                statuses.add(tokenStatus(username, "wrong-password-again-" + i));
            }
        }
        return statuses;
    }

    @Test
    void anExistingAndAMadeUpAccountAreThrottledAlike() throws InterruptedException {
        List<Integer> real = failFiveTimes("ei.user");
        List<Integer> madeUp = failFiveTimes("no.such.user");
        assertEquals(real, madeUp, "the same answers tell nothing about which account exists");
        assertTrue(real.contains(429), "slowed: " + real);
    }

    @Test
    void aBlockedAccountIsRefusedEvenWithTheRightPasswordUntilTheBlockLifts() throws InterruptedException {
        Browserless browser = new Browserless(http.toBlocking());
        for (int i = 0; i < 5; i++) {
            browser.signIn("yjs.user", "not-it");
            if (i >= 2 && i < 4) {
                Thread.sleep(1100L << (i - 2)); // wait out the slow-down, so each attempt counts
            }
        }
        Browserless.Page page = browser.signIn("yjs.user", Browserless.DEMO_PASSWORD);
        assertEquals(429, page.status(), "blocked: the right password does not help");
        assertTrue(page.body().contains("Too many failed attempts to sign in"), page.body());
        assertFalse(browser.cookie("quadrant_session").isPresent());
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/auth/token", Map.of("username", "yjs.user", "password", Browserless.DEMO_PASSWORD))));
        assertEquals(429, api.getStatus().getCode());
        assertTrue(api.getResponse().getHeaders().get("Retry-After") != null);

        Thread.sleep(2100);
        assertEquals(303, browser.signIn("yjs.user", Browserless.DEMO_PASSWORD).status(), "the block lifts by itself");
    }

    // ---- issue 14, finding 2: forged X-Forwarded-For / Forwarded ------------------------------------------------------

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
