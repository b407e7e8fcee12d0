package uk.org.quadrant.gateway;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no service answering (the test configuration points them at a closed port): the plan,
 * action and audit pages are nothing without their service and say so with a plain 503; the themes
 * list still renders its filters with both panels greyed out.
 */
@MicronautTest
class PagesWithoutServicesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void pagesThatAreNothingWithoutTheirServiceAreAPlain503() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("manager", Browserless.DEMO_PASSWORD);
        for (String path : List.of("/plans", "/plans/1", "/actions/1", "/audits", "/audits/1", "/themes/NEGLECT")) {
            Page page = browser.get(path);
            assertEquals(503, page.status(), path + ": " + page.body());
            assertTrue(page.body().contains("is not answering at the moment"), path + ": " + page.body());
            assertTrue(page.body().contains("<h1"), "an HTML page, not a stack trace");
        }
    }

    @Test
    void theThemesPageStillRendersWithItsPanelsGreyed() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("csc.user", Browserless.DEMO_PASSWORD);
        Page page = browser.get("/themes?year=2017April");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("The theme analysis is not available right now (audits-service did not answer)."));
        assertTrue(page.body().contains("The findings behind the themes are not available right now"));
        assertTrue(page.body().contains("Filter themes"), "the filters are still there");
    }
}
