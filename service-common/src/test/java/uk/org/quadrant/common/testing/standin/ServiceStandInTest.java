package uk.org.quadrant.common.testing.standin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one service stand-in the gateway's tests share: which route answers, what it records, its faults. */
class ServiceStandInTest {

    private final ServiceStandIn service = new ServiceStandIn();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void close() {
        service.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(method, pathAndQuery, body, Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer t1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMostSpecificRouteAnswers() throws Exception {
        service.on("/api/v1/things", "[\"any\"]")
                .on("/api/v1/things?kind=a", "[\"a\"]")
                .on("POST /api/v1/things", 201, "{\"id\":1}")
                .on("GET /api/v1/things?kind=b", 409, "{\"status\":409}")
                .on("/api/v1/*", "[\"prefix\"]")
                .on("/api/v1/deep/*", "[\"longer prefix\"]")
                .on("/api/v1/csv", new Answer(200, "text/csv", "a,b\n").withHeader("X-Rows", "1"))
                .on("/api/v1/query", r -> Answer.json("\"" + r.query() + "\""));

        assertEquals("[\"any\"]", send("GET", "/api/v1/things?kind=z", null).body());
        assertEquals("[\"a\"]", send("GET", "/api/v1/things?kind=a", null).body());
        assertEquals("{\"id\":1}", send("POST", "/api/v1/things?kind=a", "{}").body(), "method and path before path and query");
        HttpResponse<String> conflict = send("GET", "/api/v1/things?kind=b", null);
        assertEquals(409, conflict.statusCode());
        assertEquals("application/problem+json", conflict.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("[\"prefix\"]", send("GET", "/api/v1/other", null).body());
        assertEquals("[\"longer prefix\"]", send("GET", "/api/v1/deep/x", null).body());
        HttpResponse<String> csv = send("GET", "/api/v1/csv", null);
        assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("1", csv.headers().firstValue("X-Rows").orElseThrow());
        assertEquals("\"a=1&b=2\"", send("GET", "/api/v1/query?a=1&b=2", null).body());
        assertEquals(404, send("GET", "/elsewhere", null).statusCode());
        service.otherwise(r -> Answer.empty(204));
        HttpResponse<String> empty = send("DELETE", "/elsewhere", null);
        assertEquals(204, empty.statusCode());
        assertEquals("", empty.body());
    }

    @Test
    void everyRequestIsRecordedWithItsTokenAndBody() throws Exception {
        service.on("/api/v1/things", "[]");
        send("GET", "/api/v1/things?kind=a", null);
        send("PUT", "/api/v1/things/1", "{\"version\":3}");

        List<Request> received = service.received();
        assertEquals(List.of("GET /api/v1/things?kind=a", "PUT /api/v1/things/1"), service.requestLines());
        assertEquals("/api/v1/things", received.get(0).path());
        assertEquals("kind=a", received.get(0).query());
        assertEquals(List.of("Bearer t1", "Bearer t1"), service.authorizations());
        assertEquals("{\"version\":3}", service.last("PUT").body());
        assertEquals(List.of(received.get(1)), service.writes());
        assertNull(received.get(0).header("Cookie"));
        service.clear();
        assertTrue(service.received().isEmpty());
        assertEquals(200, send("GET", "/api/v1/things", null).statusCode(), "clear() keeps the routes");
        service.reset();
        assertEquals(404, send("GET", "/api/v1/things", null).statusCode(), "reset() forgets them");
    }

    @Test
    void aFailingOrRefusingServiceRecovers() throws Exception {
        service.on("/api/v1/things", "[]");
        service.failWith(503);
        HttpResponse<String> failed = send("GET", "/api/v1/things", null);
        assertEquals(503, failed.statusCode());
        assertEquals("application/problem+json", failed.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(1, service.received().size(), "a failing service still records what it got");
        service.recover();
        assertEquals(200, send("GET", "/api/v1/things", null).statusCode());

        service.refuseConnections();
        assertThrows(ConnectException.class, () -> send("GET", "/api/v1/things", null));
        service.recover();
        assertEquals(200, send("GET", "/api/v1/things", null).statusCode(), "back on the same port");
    }

    @Test
    void aSlowOrHangingServiceAnswersLateOrNotAtAll() throws Exception {
        service.on("/api/v1/things", "[]").on("/api/v1/quick", "[]").slow("GET /api/v1/things", Duration.ofSeconds(3));
        assertThrows(HttpTimeoutException.class, () -> send("GET", "/api/v1/things", null, Duration.ofMillis(500)));
        assertEquals(200, send("GET", "/api/v1/quick", null, Duration.ofMillis(1500)).statusCode(), "only that route is slow");

        service.slow(Duration.ofSeconds(3));
        assertThrows(HttpTimeoutException.class, () -> send("GET", "/api/v1/quick", null, Duration.ofMillis(500)));
        service.recover();
        service.hang();
        assertThrows(HttpTimeoutException.class, () -> send("GET", "/api/v1/quick", null, Duration.ofMillis(500)));
        service.recover();
        assertEquals(200, send("GET", "/api/v1/quick", null, Duration.ofMillis(1500)).statusCode());
    }
}
