package uk.org.quadrant.gateway.identity.csrf;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 6: with Secure cookies (as in production) both cookies are {@code __Host-}
 * cookies: Secure, Path=/, no Domain, so no other host of the domain can plant or overwrite them; and
 * a Secure configuration with unprefixed names does not start.
 */
@MicronautTest(transactional = false)
@Property(name = "quadrant.auth.cookie-secure", value = "true")
@Property(name = "quadrant.auth.cookie-name", value = "__Host-quadrant_session")
@Property(name = "quadrant.auth.csrf-cookie-name", value = "__Host-quadrant_csrf")
class SecureCookiesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void bothCookiesAreHostCookies() {
        Browserless browser = new Browserless(http.toBlocking());
        Page login = browser.get("/login");
        assertHostCookie(login.setCookie("__Host-quadrant_csrf").orElseThrow());
        String token = browser.csrfTokenFrom(login);
        Page in = browser.postForm("/login", Map.of("username", "chair", "password", Browserless.DEMO_PASSWORD, "csrfToken", token));
        assertEquals(303, in.status(), in.body());
        assertHostCookie(in.setCookie("__Host-quadrant_session").orElseThrow());
        assertEquals(200, browser.get("/board").status(), "the prefixed session cookie signs in");
        Page out = browser.postForm("/logout", Map.of("csrfToken", browser.csrfToken()));
        assertEquals(303, out.status());
        assertHostCookie(out.setCookie("__Host-quadrant_session").orElseThrow());
    }

    @Test
    void secureCookiesWithoutThePrefixDoNotStart() {
        Map<String, Object> props = Map.of(
                "quadrant.auth.cookie-secure", true,
                "micronaut.server.port", -1,
                "flyway.datasources.default.enabled", false,
                "quadrant.demo-data.enabled", false);
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(props, "test").close());
        String message = messages(e);
        assertTrue(message.contains("__Host-"), message);
    }

    private static void assertHostCookie(String setCookie) {
        String lower = setCookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("; secure"), setCookie);
        assertTrue(lower.contains("path=/;") || lower.endsWith("path=/"), setCookie);
        assertFalse(lower.contains("domain="), setCookie);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
