package uk.org.quadrant.gateway.notifications.mail;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GOV.UK Notify transport against a local HTTP server standing in for Notify's API: the request's
 * shape, its bearer token (HS256 with the key's secret, issuer the key's service id, issued now), and how
 * Notify's error answers map to "retry later" or "give up".
 */
class NotifyTransportTest {

    private static final String SERVICE_ID = UUID.randomUUID().toString();
    private static final String SECRET = UUID.randomUUID().toString();
    /** Notify's key format: {key name}-{service id}-{secret}. */
    private static final String API_KEY = "quadrant_test-" + SERVICE_ID + "-" + SECRET;
    private static final String TEMPLATE_ID = UUID.randomUUID().toString();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer notify;
    private volatile int status = 201;

    private record Received(String method, String path, String authorization, String contentType, JSONObject body) {
    }

    @BeforeEach
    void startNotify() throws IOException {
        notify = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notify.createContext("/", this::answer);
        notify.start();
    }

    @AfterEach
    void stopNotify() {
        notify.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new JSONObject(body)));
        JSONObject request = new JSONObject(body);
        String answer = status == 201 ? created(request) : error(status);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void postsTheGenericTemplateWithSubjectBodyAndReference() throws Exception {
        transport().send(SmtpTransportTest.message("quadrant-notice-42", null));

        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v2/notifications/email", request.path());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        assertEquals("lead@police.example.org", request.body().getString("email_address"));
        assertEquals(TEMPLATE_ID, request.body().getString("template_id"));
        assertEquals("quadrant-notice-42", request.body().getString("reference"));
        JSONObject personalisation = request.body().getJSONObject("personalisation");
        assertEquals("Returns due: Police, 2018 Q1", personalisation.getString("subject"));
        assertEquals("Figures for 2018 Q1 are due on 30 April 2018.\n\nSign in to Quadrant to enter them.",
                personalisation.getString("body"));
        assertEquals(2, personalisation.length(), "subject and body only: Notify renders the HTML itself");
        assertFalse(request.body().has("one_click_unsubscribe_url"));
    }

    @Test
    void signsWithTheSecretOfTheKeyAsTheServiceItBelongsTo() throws Exception {
        transport().send(SmtpTransportTest.message("quadrant-notice-43", null));

        String authorization = received.get(0).authorization();
        assertNotNull(authorization);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertEquals(JWSAlgorithm.HS256, token.getHeader().getAlgorithm());
        assertTrue(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))), "signed with the key's secret");
        assertFalse(token.verify(new MACVerifier(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))));
        assertEquals(SERVICE_ID, token.getJWTClaimsSet().getIssuer());
        Instant issuedAt = token.getJWTClaimsSet().getIssueTime().toInstant();
        // Notify refuses a token issued more than 30 seconds away from its clock
        assertTrue(Duration.between(issuedAt, Instant.now()).abs().compareTo(Duration.ofSeconds(30)) < 0, issuedAt.toString());
    }

    @Test
    void passesTheUnsubscribeLinkAsNotifysOneClickUnsubscribeUrl() throws Exception {
        transport().send(SmtpTransportTest.message("quadrant-notice-44", "https://quadrant.example.org/unsubscribe/signed"));

        assertEquals("https://quadrant.example.org/unsubscribe/signed",
                received.get(0).body().getString("one_click_unsubscribe_url"));
    }

    @ParameterizedTest(name = "Notify answers {0}: permanent {1}")
    @CsvSource({"400, true", "403, true", "429, false", "500, false", "503, false"})
    void mapsNotifysErrors(int answer, boolean permanent) {
        status = answer;
        NotifyTransport transport = transport();

        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> transport.send(SmtpTransportTest.message("quadrant-notice-45", null)));
        assertEquals(permanent, failure.permanent(), failure.getMessage());
        assertTrue(failure.getMessage().contains(String.valueOf(answer)), failure.getMessage());
    }

    @Test
    void anUnreachableNotifyIsWorthARetry() {
        NotifyTransport transport = transport();
        notify.stop(0);

        DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                () -> transport.send(SmtpTransportTest.message("quadrant-notice-46", null)));
        assertFalse(failure.permanent(), failure.getMessage());
    }

    @Test
    void aNotifyThatNeverAnswersFailsWithinTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            NotifyTransport transport = new NotifyTransport(new NotifySettings(API_KEY, TEMPLATE_ID,
                    "http://127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(1), Duration.ofSeconds(1)));

            long started = System.nanoTime();
            DeliveryFailure failure = assertThrows(DeliveryFailure.class,
                    () -> transport.send(SmtpTransportTest.message("quadrant-notice-47", null)));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertFalse(failure.permanent(), failure.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        }
    }

    @Test
    void aKeyOfTheWrongShapeStopsStartUp() {
        Exception e = assertThrows(Exception.class, () -> new NotifyTransport(new NotifySettings("not-a-key", TEMPLATE_ID,
                baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1))));
        assertTrue(e.getMessage().contains("QUADRANT_NOTIFY_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("not-a-key"), "the key is not repeated in the logs");
    }

    private NotifyTransport transport() {
        return new NotifyTransport(new NotifySettings(API_KEY, TEMPLATE_ID, baseUrl(), Duration.ofSeconds(5),
                Duration.ofSeconds(5)));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + notify.getAddress().getPort();
    }

    /** Notify's answer to a sent e-mail, as documented for POST /v2/notifications/email. */
    private static String created(JSONObject request) {
        JSONObject personalisation = request.getJSONObject("personalisation");
        return new JSONObject()
                .put("id", UUID.randomUUID().toString())
                .put("reference", request.optString("reference"))
                .put("content", new JSONObject()
                        .put("subject", personalisation.getString("subject"))
                        .put("body", personalisation.getString("body"))
                        .put("from_email", "quadrant@notifications.service.gov.uk"))
                .put("uri", "https://api.notifications.service.gov.uk/v2/notifications/x")
                .put("template", new JSONObject()
                        .put("id", request.getString("template_id"))
                        .put("version", 1)
                        .put("uri", "https://api.notifications.service.gov.uk/v2/template/x"))
                .toString();
    }

    private static String error(int status) {
        String error = switch (status) {
            case 400 -> "BadRequestError";
            case 403 -> "AuthError";
            case 429 -> "RateLimitError";
            default -> "Exception";
        };
        return new JSONObject().put("status_code", status)
                .put("errors", List.of(new JSONObject().put("error", error).put("message", "stand-in error"))).toString();
    }
}
