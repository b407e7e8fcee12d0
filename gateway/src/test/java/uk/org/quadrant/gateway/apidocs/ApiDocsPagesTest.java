package uk.org.quadrant.gateway.apidocs;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API documentation pages: the gateway's own document from its classpath, a service's fetched from the service
 * (a stand-in serving a small document here), a service that does not answer greyed out; operations shown with the
 * path to call through the gateway and whether a token (and which role) is needed; no inline script.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsPagesTest implements TestPropertyProvider {

    private static final String INDICATORS_DOCUMENT = """
            {"openapi":"3.0.1","info":{"title":"indicators-service","description":"The performance dataset.","version":"v1"},
             "paths":{
              "/api/v1/indicators/{code}":{
                "get":{"tags":["catalogue"],"summary":"One indicator's definition.",
                  "parameters":[{"name":"code","in":"path","required":true,"schema":{"type":"string"}}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Indicator"}}}}},
                  "security":[{"bearer":[]}]},
                "put":{"tags":["catalogue"],
                  "parameters":[{"name":"code","in":"path","required":true,"schema":{"type":"string"}}],
                  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/IndicatorDefinition"}}},"required":true},
                  "responses":{"200":{"description":"ok"}},
                  "security":[{"bearer":["BOARD_MANAGER"]}]}}},
             "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}""";

    private final ServiceStandIn indicators = new ServiceStandIn()
            .on("GET /openapi/indicators-service.json", INDICATORS_DOCUMENT);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        // audits and actions stay on the test configuration's closed port: they do not answer.
        return Map.of("micronaut.http.services.indicators.url", indicators.url());
    }

    @AfterAll
    void stop() {
        indicators.close();
    }

    private Browserless signedIn() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("csc.user", Browserless.DEMO_PASSWORD);
        return browser;
    }

    private static String ok(Page page) {
        assertEquals(200, page.status(), page.body());
        assertNoInlineScript(page.body());
        return page.body();
    }

    @Test
    void theIndexListsEveryApiAndGreysOutTheServicesThatDoNotAnswer() {
        String body = ok(signedIn().get("/api-docs"));
        assertTrue(body.contains("href=\"/api-docs/gateway\""), body);
        assertTrue(body.contains("href=\"/api-docs/indicators-service\""), body);
        assertTrue(body.contains("The performance dataset."));
        assertTrue(body.contains("2 operations, version v1"), body);
        for (String dead : new String[] {"audits-service", "actions-service"}) {
            assertTrue(body.contains("The documentation of " + dead + " is not available right now"), body);
            assertFalse(body.contains("href=\"/api-docs/" + dead + "\""), "no link to a page that cannot be shown");
        }
        assertTrue(body.contains("quadrant-panel--unavailable"));
        assertTrue(body.contains("href=\"/api-docs\">API documentation</a>"), "linked from the footer");
    }

    @Test
    void aServicesOperationsShowThePathThroughTheGatewayAndTheTokenTheyNeed() {
        String body = ok(signedIn().get("/api-docs/indicators-service"));
        assertTrue(body.contains("id=\"tag-catalogue\""), body);
        assertTrue(body.contains("/api/indicators/v1/indicators/{code}"), "the path to call through the gateway");
        assertTrue(body.contains("One indicator&#39;s definition."), body);
        assertTrue(body.contains("Needed: any signed-in user"));
        assertTrue(body.contains("Needed, with one of these roles: BOARD_MANAGER"));
        assertTrue(body.contains("IndicatorDefinition (application/json)"), "the request body's schema");
        assertTrue(body.contains("Indicator (application/json)"), "the response's schema");
        assertTrue(body.contains("href=\"/api-docs/indicators-service/openapi.json\""));
    }

    @Test
    void theGatewaysOwnDocumentSaysTheTokenCallNeedsNoToken() {
        String body = ok(signedIn().get("/api-docs/gateway"));
        int token = body.indexOf("/api/v1/auth/token");
        assertTrue(token > 0, body);
        String operation = body.substring(token, body.indexOf("</dl>", token));
        assertTrue(operation.contains("Not needed"), operation);
        assertTrue(body.contains("/api/v1/me"));
        assertFalse(body.contains("/board"), "pages are not in the API document");
    }

    @Test
    void theDocumentsThemselvesAreHandedOutAndUnknownOrDeadOnesAreNot() {
        Browserless browser = signedIn();
        Page document = browser.send(HttpRequest.GET("/api-docs/indicators-service/openapi.json").accept(MediaType.APPLICATION_JSON));
        assertEquals(200, document.status());
        assertTrue(document.body().contains("#/components/schemas/IndicatorDefinition"), document.body());
        assertTrue(document.contentType().startsWith("application/json"), document.contentType());
        assertEquals(503, browser.send(HttpRequest.GET("/api-docs/audits-service/openapi.json")
                .accept(MediaType.APPLICATION_JSON)).status());
        assertEquals(404, browser.get("/api-docs/no-such-service").status());
        assertEquals(200, browser.get("/api-docs/audits-service").status(), "a dead service's page still renders, greyed");
    }

    @Test
    void thePagesAreForSignedInUsers() {
        Page page = new Browserless(http.toBlocking()).get("/api-docs");
        assertEquals(303, page.status(), page.body());
        assertEquals("/login", page.location());
    }

    /** The CSP allows scripts from the gateway's own files only: every script element has a src. */
    private static void assertNoInlineScript(String body) {
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(body);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src=\"/static/"), "inline or foreign script: " + scripts.group());
        }
    }
}
