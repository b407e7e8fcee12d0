package uk.org.quadrant.gateway.agency;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three service stand-ins on random ports, wired in as the gateway's services, and a browser that
 * signs in as a demo user. Task lists are worked out as at 15 May 2018, so values are due for
 * 2017/18 (yearly), Q4 2017/18, April 2018, 2016/17 (academic), 2017 and 2018 Q1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FormsTestBase implements TestPropertyProvider {

    protected final ServiceStandIn indicators = new ServiceStandIn();
    protected final ServiceStandIn audits = new ServiceStandIn();
    protected final ServiceStandIn actions = new ServiceStandIn();

    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.http.services.indicators.url", indicators.url());
        p.put("micronaut.http.services.audits.url", audits.url());
        p.put("micronaut.http.services.actions.url", actions.url());
        p.put("quadrant.downstream.timeout", "PT2S");
        p.put("quadrant.reporting.as-at", "2018-05-15");
        return p;
    }

    @BeforeEach
    void clearStubs() {
        indicators.reset();
        audits.reset();
        actions.reset();
    }

    @AfterAll
    void stopStubs() {
        indicators.close();
        audits.close();
        actions.close();
    }

    protected Browserless signedIn(String username) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(username, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    /** The form fields a page's form would post: its CSRF token plus {@code fields}. */
    protected static Map<String, String> form(Browserless browser, Browserless.Page page, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", browser.csrfTokenFrom(page));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    /** An API token for a demo user ({@code POST /api/v1/auth/token}), as an Authorization header value. */
    protected String apiToken(String username) {
        Map<String, Object> token = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/api/v1/auth/token",
                        Map.of("username", username, "password", Browserless.DEMO_PASSWORD)),
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        return "Bearer " + token.get("access_token");
    }

    protected static String bearerOf(Browserless browser) {
        return "Bearer " + browser.cookie("quadrant_session").orElseThrow();
    }

    protected static String problem(int status, String detail, String... fieldAndMessage) {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i + 1 < fieldAndMessage.length; i += 2) {
            errors.append(errors.isEmpty() ? "" : ",").append("{\"field\":\"").append(fieldAndMessage[i])
                    .append("\",\"message\":\"").append(fieldAndMessage[i + 1]).append("\"}");
        }
        return "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"errors\":[" + errors + "]}";
    }
}
