package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeated failed sign-ins are slowed, then blocked, by the form and by the token API alike, and the
 * answers are the same whether the account exists or not. Forged forwarding headers: {@link SpoofedClientAddressTest}
 * (with the default limits), {@link TrustedProxyThrottlingTest}, {@link ForwardedHeaderThrottlingTest}.
 */
@MicronautTest
@Property(name = "quadrant.auth.throttle.account-free-failures", value = "3")
@Property(name = "quadrant.auth.throttle.account-block-after", value = "5")
@Property(name = "quadrant.auth.throttle.block-for", value = "PT2S")
class SignInThrottlingTest {

    @Inject
    @Client("/")
    HttpClient http;

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
}
