package uk.org.quadrant.gateway.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board page asks the three services at once over real HTTP (stand-ins on loopback), passes on
 * the user's own token, and greys out the panel of a service that does not answer in time while the
 * rest of the page renders.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardDashboardTest implements TestPropertyProvider {

    private static final long SLOW_MS = 4000;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer indicators = server("/api/v1/scorecard", 0, """
            [{"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","ownerAgency":"CSC","priority":7,
              "period":"2017April","periodLabel":"2017/18","value":45,"target":75,"rag":"RED","direction":"NO_PREVIOUS",
              "changePercent":null,"comment":"Below target"},
             {"code":"LAC","title":"Looked-after children","ownerAgency":"CSC","priority":5,"period":"2017April",
              "periodLabel":"2017/18","value":691,"target":700,"rag":"GREEN","direction":"WORSENING","changePercent":3.6,"comment":null}]""");
    private final HttpServer audits = server("/api/v1/", 0, null);
    private final HttpServer actions = server("/api/v1/rollups", SLOW_MS, "[]");

    private HttpServer server(String path, long delayMs, String json) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            s.createContext(path, exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String body = json != null ? json : exchange.getRequestURI().getPath().endsWith("/grades")
                        ? "[{\"gradingScale\":\"OFSTED\",\"audits\":2,\"cases\":12,\"distribution\":{\"OUTSTANDING\":0,\"GOOD\":9,\"REQUIRES_IMPROVEMENT\":3,\"INADEQUATE\":0},\"percentMeetingStandard\":75.0,\"standard\":\"GOOD\"}]"
                        : "[{\"theme\":\"VOICE_OF_THE_CHILD\",\"label\":\"Voice of the child\",\"findings\":30,\"sources\":14,\"repeated\":true,\"quadrants\":[\"QUALITATIVE\",\"CHILDREN_AND_FAMILIES\"]}]";
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                } catch (IOException ignored) {
                    // the gateway gave up waiting: that is the point of the slow stand-in
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", "http://127.0.0.1:" + indicators.getAddress().getPort(),
                "micronaut.http.services.audits.url", "http://127.0.0.1:" + audits.getAddress().getPort(),
                "micronaut.http.services.actions.url", "http://127.0.0.1:" + actions.getAddress().getPort(),
                "quadrant.downstream.timeout", "PT1S");
    }

    @AfterAll
    void stop() {
        indicators.stop(0);
        audits.stop(0);
        actions.stop(0);
    }

    @Test
    void aSlowServiceGreysItsPanelAndThePageStillRendersInTime() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("chair", Browserless.DEMO_PASSWORD);
        long start = System.nanoTime();
        Browserless.Page page = browser.get("/board");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, page.status(), page.body());
        assertTrue(millis < SLOW_MS - 1000, "the page waited " + millis + " ms: the slow service must not hold it up");
        String body = page.body();
        assertTrue(body.contains("MASH decisions within 24 hours"), "exceptions panel: " + body);
        assertFalse(body.contains(">Looked-after children<"), "a green indicator is not an exception");
        assertTrue(body.contains("Voice of the child"), "themes panel");
        assertTrue(body.contains("75.0 % good or better"), "grades across audits");
        assertTrue(body.contains("Actions are not available right now"), "the slow service's panel is greyed out");
        assertFalse(body.contains("Performance data is not available"), "the others are not");
        String session = browser.cookie("quadrant_session").orElseThrow();
        assertTrue(authorizations.contains("Bearer " + session), "each service got the user's own token: " + authorizations);
    }

    @Test
    void theFourCallsGoOutTogether() {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn("manager", Browserless.DEMO_PASSWORD);
        authorizations.clear();
        browser.get("/board");
        assertEquals(4, authorizations.size(), "scorecard, grades, themes and rollups: one call each, " + authorizations);
    }
}
