package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.RawHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, finding 2, behind a proxy: with the test's own address (127.0.0.1) configured as the
 * trusted proxy, the clients it forwards for are counted apart, each by the right-most address that is
 * not the proxy's, whatever they put in front of it; a peer that is not the proxy is still its own
 * socket address, whatever header it sends.
 */
@MicronautTest
@Property(name = "quadrant.http.trusted-proxies", value = "127.0.0.1, ::1, 10.0.0.0/8")
@Property(name = "quadrant.auth.throttle.client-block-after", value = "5")
class TrustedProxyThrottlingTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private int token(String username, String xForwardedFor) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/auth/token", Map.of("username", username, "password", "wrong-password"))
                .header("X-Forwarded-For", xForwardedFor);
        try {
            return http.toBlocking().exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void distinctClientsBehindTheProxyAreCountedApart() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(token("apart-" + i, "203.0.113." + (i + 1)));
        }
        assertEquals(List.of(401), statuses.stream().distinct().toList(),
                "12 clients, one failure each: none is blocked, and the proxy itself is not: " + statuses);
    }

    @Test
    void aClientBehindTheProxyCannotEscapeItsCountByPrependingAddresses() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // What the client sent, then what the proxy appended (the client's address), then an inner proxy hop.
            statuses.add(token("prepend-" + i, "198.51.100." + (i + 1) + ", 192.0.2.77, 10.1.1.1"));
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429, 429), statuses, "192.0.2.77 is one client: " + statuses);
        assertEquals(401, token("prepend-other", "192.0.2.78, 10.1.1.1"), "its neighbour is not blocked");
    }

    @Test
    void aPeerThatIsNotTheProxyIsItsSocketAddressWhateverItSends() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(RawHttp.postJson("127.0.0.9", server.getPort(), "/api/v1/auth/token",
                    "{\"username\":\"direct-" + i + "\",\"password\":\"wrong-password\"}",
                    Map.of("X-Forwarded-For", "203.0.113." + (100 + i), "Forwarded", "for=203.0.113." + (100 + i))).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429, 429), statuses, "127.0.0.9 is not trusted: " + statuses);
    }
}
