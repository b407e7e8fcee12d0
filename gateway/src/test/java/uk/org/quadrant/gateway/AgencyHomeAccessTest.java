package uk.org.quadrant.gateway;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may open which area: an agency only its own, the board every one, nobody the board's pages uninvited. */
@MicronautTest
class AgencyHomeAccessTest {

    @Inject
    @Client("/")
    HttpClient http;

    private Browserless signedIn(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    @ParameterizedTest(name = "{0} opening {1} gets {2}")
    @CsvSource({
            "tvp.user, /agency/TVP, 200",
            "tvp.lead, /agency/TVP, 200",
            "tvp.user, /agency/CSC, 404",
            "tvp.lead, /agency/CSC, 404",
            "csc.user, /agency/TVP, 404",
            "tvp.user, /agency/NOPE, 404",
            "tvp.user, /agency/tvp, 404",
            "tvp.user, /agency/BOARD, 404",
            "tvp.user, /board, 403",
            "csc.lead, /board, 403",
            "chair, /agency/TVP, 200",
            "chair, /agency/CSC, 200",
            "manager, /agency/YJS, 200",
            "chair, /agency/NOPE, 404",
            "manager, /board, 200",
    })
    void accessMatrix(String username, String path, int expected) {
        Page page = signedIn(username).get(path);
        assertEquals(expected, page.status(), page.body());
        if (expected != 200) {
            assertTrue(page.body().contains("govuk-heading-l"), "a real error page, not a stack trace: " + page.body());
            assertTrue(!page.body().contains("Exception"), page.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/agency/CSC", "/agency/NOPE"})
    void anotherAgencyAndANonExistentOneLookTheSame(String path) {
        Browserless browser = signedIn("tvp.user");
        Page other = browser.get("/agency/CSC");
        Page page = browser.get(path);
        assertEquals(other.status(), page.status());
        assertEquals(other.body(), page.body());
    }
}
