package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, finding 2, behind a proxy that writes RFC 7239 {@code Forwarded}: quoted values, IPv6 in
 * brackets, ports and obfuscated identifiers name the client the proxy saw, whatever the notation; the
 * {@code X-Forwarded-For} the client sends along is ignored.
 */
@MicronautTest
@Property(name = "quadrant.http.trusted-proxies", value = "127.0.0.1, ::1")
@Property(name = "quadrant.http.client-address-header", value = "Forwarded")
@Property(name = "quadrant.auth.throttle.client-block-after", value = "3")
class ForwardedHeaderThrottlingTest {

    @Inject
    @Client("/")
    HttpClient http;

    private int token(String username, String forwarded, String xForwardedFor) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/auth/token", Map.of("username", username, "password", "wrong-password"))
                .header("Forwarded", forwarded);
        if (xForwardedFor != null) {
            request.header("X-Forwarded-For", xForwardedFor);
        }
        try {
            return http.toBlocking().exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void oneIpv6ClientInAnyNotationIsOneClient() {
        assertEquals(401, token("v6-1", "for=\"[2001:db8:cafe::17]:4711\"", "198.51.100.1"));
        assertEquals(401, token("v6-2", "for=\"[2001:db8:cafe:0:0:0:0:17]\";proto=https", "198.51.100.2"));
        assertEquals(401, token("v6-3", "for=198.51.100.3, For=\"[2001:DB8:CAFE::17]:1\"", "198.51.100.3"));
        assertEquals(429, token("v6-4", "for=\"[2001:db8:cafe::17]\"", "198.51.100.4"), "the fourth failure from the same address");
        assertEquals(401, token("v6-5", "for=\"[2001:db8:cafe::18]\"", null), "another address");
    }

    @Test
    void oneIpv4ClientWithPortsAndQuotesIsOneClient() {
        assertEquals(401, token("v4-1", "for=192.0.2.60;proto=http;by=203.0.113.43", null));
        assertEquals(401, token("v4-2", "for=\"192.0.2.60:8080\"", null));
        assertEquals(401, token("v4-3", "for=\"spoofed, for=1.2.3.4\", for=192.0.2.60", null));
        assertEquals(429, token("v4-4", "FOR=192.0.2.60", null));
    }

    @Test
    void obfuscatedIdentifiersAreClientsOfTheirOwn() {
        assertEquals(401, token("obf-1", "for=_hidden", null));
        assertEquals(401, token("obf-2", "for=\"_hidden:_port\"", null));
        assertEquals(401, token("obf-3", "for=192.0.2.1, for=_hidden", null));
        assertEquals(429, token("obf-4", "for=_hidden", null));
        assertEquals(401, token("obf-5", "for=_other", null));
    }
}
