package uk.org.quadrant.gateway.web.http;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every HTML response carries the security headers; a signed-in page is never cached; assets may be. */
@MicronautTest
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theSignInPageCarriesTheSecurityHeaders() {
        var response = http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/login").accept("text/html"), String.class);
        String csp = response.getHeaders().get("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), csp);
        assertTrue(!csp.contains("unsafe-inline"), "no inline script or style is allowed: " + csp);
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("DENY", response.getHeaders().get("X-Frame-Options"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void aSignedInPageIsNotStoredAndSaysWhatItWaitedFor() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        var response = http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/board").accept("text/html")
                .cookie(io.micronaut.http.cookie.Cookie.of("quadrant_session", browser.cookie("quadrant_session").orElseThrow())), String.class);
        assertEquals(200, response.code());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        String timing = response.getHeaders().get("Server-Timing");
        assertTrue(timing != null && timing.contains("indicators;desc=\"GET /api/v1/scorecard\";dur=")
                && timing.contains("audits;") && timing.contains("actions;") && timing.contains("total;dur="), timing);
        // The page's own rendering is timed too, and the total includes it: rendering happened before the header was written.
        double render = duration(timing, "render");
        double total = duration(timing, "total");
        assertTrue(render > 0 && total >= render, timing);
        assertTrue(response.body().contains("</html>"), "the page was rendered whole");
    }

    private static double duration(String serverTiming, String name) {
        var m = java.util.regex.Pattern.compile("(?:^|,\\s*)" + name + "(?:;desc=\"[^\"]*\")?;dur=([0-9.]+)").matcher(serverTiming);
        assertTrue(m.find(), name + " missing from " + serverTiming);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void staticAssetsAreNotMarkedNoStore() {
        var response = http.toBlocking().exchange(io.micronaut.http.HttpRequest.GET("/static/quadrant.css"), String.class);
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertNotEquals("no-store", response.getHeaders().get("Cache-Control"));
    }
}
