package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSRF on the forms of issue 16's import upload and staged versions: every route × the manager, the chair,
 * an agency lead and an anonymous browser × the session's own token, none, a made-up one and another
 * session's (the same manager signed in elsewhere). Only the right token gets past the filter; then the
 * access rule decides (the manager writes, the others 403, anonymous to the sign-in page). The file upload
 * ({@code multipart/form-data}) is held to exactly the url-encoded forms' rule, and a token sent as a file,
 * twice, or in a body that is not well-formed does not count. A refused post reaches no service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkFormsCsrfTest implements TestPropertyProvider {

    private static final byte[] FILE = BenchmarkPagesTest.CSV.getBytes(StandardCharsets.UTF_8);

    private final ServiceStandIn indicators = StagedVersionsPagesTest.answers(new ServiceStandIn())
            .on("/api/v1/indicators/CLA-RATE", """
                    {"code":"CLA-RATE","title":"Children looked after","unit":"RATE_PER_10K","polarity":"NEUTRAL","published":true,"active":true}""")
            .on("/api/v1/benchmarks/mappings/CLA-RATE", BenchmarkPagesTest.MAPPING)
            .on("POST /api/v1/benchmarks/import", """
                    {"imported":0,"valid":2,"geographies":2,"periods":["2024April"],"suppressed":0,"dryRun":true,"errors":[]}""");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "quadrant.downstream.timeout", "PT1S",
                "quadrant.downstream.breaker-threshold", "100000");
    }

    @AfterAll
    void stop() {
        indicators.close();
    }

    /** One form of the slice, posted as its page posts it, with the token given (null: no token field). */
    record Route(String path, boolean upload, int managerStatus) {
        MutableHttpRequest<?> request(String token) {
            if (upload) {
                return HttpRequest.POST(path, BenchmarkPagesTest.multipart(token, "cla.csv", FILE, "action", "check"))
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE);
            }
            String body = token == null ? "" : "csrfToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE);
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("/benchmarks/mappings/CLA-RATE/import", true, 200),
            new Route("/benchmarks/staged/check", false, 200),
            new Route("/benchmarks/staged/7/approve", false, 303),
            new Route("/benchmarks/staged/7/discard", false, 303));

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        assertEquals(303, browser.signIn(user, Browserless.DEMO_PASSWORD).status());
        return browser;
    }

    /** An anonymous browser that opened the sign-in page: it holds the pre-session CSRF cookie and its token. */
    private Browserless anonymous() {
        return new Browserless(http.toBlocking());
    }

    @TestFactory
    List<DynamicNode> everyRouteEveryCallerEveryToken() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Route route : ROUTES) {
            List<DynamicTest> cases = new ArrayList<>();
            for (String user : List.of("manager", "chair", "csc.lead", "anonymous")) {
                boolean anonymous = user.equals("anonymous");
                int allowed = anonymous ? 303 : user.equals("manager") ? route.managerStatus() : 403;
                Map<String, Function<Browserless, String>> tokens = Map.of(
                        "its own token", b -> anonymous ? b.csrfTokenFrom(b.get("/login")) : b.csrfToken(),
                        "no token", b -> null,
                        "a made-up token", b -> "forged-by-another-site",
                        "another session's token", b -> signedIn("manager").csrfToken());
                for (var t : tokens.entrySet()) {
                    boolean right = t.getKey().equals("its own token");
                    int expected = right ? allowed : 403;
                    cases.add(DynamicTest.dynamicTest(user + ", " + t.getKey() + " -> " + expected, () -> {
                        Browserless browser = anonymous ? anonymous() : signedIn(user);
                        String token = t.getValue().apply(browser);
                        indicators.clear();
                        Page page = browser.send(route.request(token));
                        assertEquals(expected, page.status(), () -> route.path() + " " + page.body());
                        if (!right) {
                            assertTrue(page.body().contains("This form has expired or did not come from Quadrant"), page.body());
                        }
                        if (anonymous && right) {
                            assertTrue(page.location() != null && page.location().startsWith("/login"), page.location());
                        }
                        boolean writes = right && user.equals("manager");
                        assertEquals(writes, !indicators.writes().isEmpty(), () -> "writes: " + indicators.writes());
                    }));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer("POST " + route.path() + (route.upload() ? " (multipart)" : ""), cases));
        }
        return nodes;
    }

    @Test
    void aTokenSentAsAFileOrTwiceOrInABrokenBodyDoesNotCount() throws Exception {
        Browserless manager = signedIn("manager");
        String token = manager.csrfToken();
        String path = "/benchmarks/mappings/CLA-RATE/import";
        MultipartBody asFile = MultipartBody.builder().addPart("csrfToken", "token.txt", MediaType.TEXT_PLAIN_TYPE,
                token.getBytes(StandardCharsets.UTF_8)).addPart("file", "cla.csv", MediaType.of("text/csv"), FILE).build();
        MultipartBody twice = MultipartBody.builder().addPart("csrfToken", token).addPart("csrfToken", "forged")
                .addPart("file", "cla.csv", MediaType.of("text/csv"), FILE).build();
        indicators.clear();
        for (MultipartBody body : List.of(asFile, twice)) {
            Page page = manager.send(HttpRequest.POST(path, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE));
            assertEquals(403, page.status(), page.body());
        }
        String session = "quadrant_session=" + manager.cookie("quadrant_session").orElseThrow();
        String broken = "--b\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + token;
        assertEquals(403, raw(path, session, "multipart/form-data; boundary=b", broken), "a body that never ends its part");
        assertEquals(403, raw(path, session, "multipart/form-data", "csrfToken=" + token), "no boundary");
        assertEquals(List.of(), indicators.writes(), "nothing reached the service");
    }

    /** A body no client library would send, over the JDK's own client. */
    private int raw(String path, String cookie, String contentType, String body) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(server.getURI().resolve(path)).header("Cookie", cookie).header("Content-Type", contentType)
                .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void theHeaderStillServesScriptedUploads() {
        Browserless manager = signedIn("manager");
        String token = manager.csrfToken();
        Page page = manager.send(HttpRequest.POST("/benchmarks/mappings/CLA-RATE/import",
                        BenchmarkPagesTest.multipart(null, "cla.csv", FILE, "action", "check"))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE).header("X-CSRF-Token", token));
        assertEquals(200, page.status(), page.body());
    }
}
