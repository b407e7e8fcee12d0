package uk.org.quadrant.gateway.faults;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.agency.FormsTestBase;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write that times out is not applied twice: the stand-in service takes longer than the gateway
 * waits ({@code quadrant.downstream.timeout} for forms, the client's read timeout for the API
 * pass-through), the user is told plainly that the change may or may not have been saved, and the
 * stand-in receives the write exactly once, also after its slow answer would have come back.
 */
@MicronautTest
class WriteTimeoutTest extends FormsTestBase {

    static final String FORM = "/agency/CSC/values/MASH-TIMELINESS/2017April";
    static final String VALUES = "/api/v1/indicators/MASH-TIMELINESS/values/2017April";
    /** Longer than both of the gateway's bounds in this test (two seconds each). */
    static final Duration SLOW = Duration.ofSeconds(4);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("micronaut.http.services.indicators.read-timeout", "2s");
        return p;
    }

    @BeforeEach
    void stubs() {
        indicators.on("GET /api/v1/indicators/MASH-TIMELINESS", 200, """
                {"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","unit":"PERCENT","frequency":"FINANCIAL_YEAR",
                 "ownerAgency":"CSC","numeratorLabel":"Decisions within 24 hours","denominatorLabel":"All MASH decisions"}""");
        indicators.on("GET " + VALUES + "?agency=CSC", 200, """
                {"indicatorCode":"MASH-TIMELINESS","period":"2017April","agency":"CSC","value":45,"numerator":45,"denominator":100,
                 "comment":"Below target","status":"DRAFT","returnReason":null,"updatedBy":"csc.user","version":3}""");
        indicators.on("PUT " + VALUES, 200, "{\"status\":\"DRAFT\",\"version\":4}");
        indicators.on("POST /api/v1/values/import", 200, "{\"imported\":1,\"checked\":1,\"dryRun\":false,\"errors\":[]}");
    }

    @Test
    void aFormWriteThatTimesOutIsSentOnceAndTheUserIsToldItMayNotHaveBeenSaved() throws InterruptedException {
        indicators.slow("PUT " + VALUES, SLOW);
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        long started = System.nanoTime();
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "comment", "my words", "version", "3", "action", "draft"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(503, posted.status(), posted.body());
        assertTrue(posted.body().contains("indicators-service did not answer, so we cannot confirm your changes were saved"), posted.body());
        assertTrue(posted.body().contains("my words</textarea>"), "the user's input is kept to check and send again");
        assertTrue(took.compareTo(SLOW) < 0, () -> "the page answered before the slow service did: " + took);
        // Wait until the stand-in has answered its one request, then some: no second attempt arrives late.
        Thread.sleep(SLOW.minus(took).plusSeconds(1).toMillis());
        assertEquals(1, indicators.writes().size(), "written exactly once: " + indicators.writes());
    }

    @Test
    void anApiWriteThatTimesOutIsNotRetried() throws InterruptedException {
        indicators.slow("POST /api/v1/values/import", SLOW);
        Map<?, ?> token = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("username", "csc.lead", "password", Browserless.DEMO_PASSWORD)), Map.class);
        HttpRequest<String> request = HttpRequest.POST("/api/indicators/v1/values/import?format=quadrant",
                        "indicator_code,period,agency,value\nMASH-TIMELINESS,2017April,CSC,47\n")
                .contentType("text/csv").accept(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token.get("access_token").toString());
        long started = System.nanoTime();
        HttpResponse<?> response;
        try {
            response = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String body = response.getBody(String.class).orElse("");

        assertEquals(503, response.code(), body);
        assertTrue(response.getContentType().map(Object::toString).orElse("").startsWith("application/problem+json"), body);
        assertTrue(body.contains("indicators-service is not answering"), body);
        assertTrue(took.compareTo(SLOW) < 0, () -> "the gateway answered before the slow service did: " + took);
        Thread.sleep(SLOW.minus(took).plusSeconds(1).toMillis());
        assertEquals(1, indicators.writes().size(), "passed on exactly once: " + indicators.writes());
    }
}
