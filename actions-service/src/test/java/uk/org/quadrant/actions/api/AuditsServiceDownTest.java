package uk.org.quadrant.actions.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.actions.support.AuditsStub;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody listening where audits-service should be: a recommendation is a 503 problem and nothing is written. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditsServiceDownTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(tokens.properties());
        p.put("micronaut.http.services.indicators.url", "http://127.0.0.1:9");
        p.put("micronaut.http.services.audits.url", "http://127.0.0.1:9");
        return p;
    }

    @AfterAll
    void stop() {
        tokens.close();
    }

    @Test
    void aRecommendationIsRefusedWithA503AndNothingIsWritten() {
        Api api = new Api(http, json);
        String manager = tokens.board("manager", "BOARD_MANAGER");
        String before = api.get(manager, "/api/v1/plans").body + api.get(manager, "/api/v1/actions").body;
        // A body as audits-service would send it (the stand-in only builds it: the service is pointed at port 9).
        try (AuditsStub unused = new AuditsStub()) {
            Map<String, Object> body = unused.recommendation("TVP").request();
            for (String token : new String[] {tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR"), manager}) {
                Api.Res r = api.post(token, "/api/v1/actions/from-recommendation", body);
                assertEquals(503, r.status, r::toString);
                assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
                assertTrue(r.body.contains("nothing was written"), r::toString);
            }
        }
        assertEquals(before, api.get(manager, "/api/v1/plans").body + api.get(manager, "/api/v1/actions").body);
    }
}
