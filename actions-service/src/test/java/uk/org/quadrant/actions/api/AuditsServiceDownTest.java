package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.api.ServiceApiTest;
import uk.org.quadrant.actions.support.AuditsStub;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody listening where audits-service should be: a recommendation is a 503 problem and nothing is written. */
@MicronautTest
class AuditsServiceDownTest extends ServiceApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("micronaut.http.services.indicators.url", "http://127.0.0.1:9");
        p.put("micronaut.http.services.audits.url", "http://127.0.0.1:9");
        return p;
    }

    @Test
    void aRecommendationIsRefusedWithA503AndNothingIsWritten() {
        String manager = manager();
        String before = api().get(manager, "/api/v1/plans").body + api().get(manager, "/api/v1/actions").body;
        // A body as audits-service would send it (the stand-in only builds it: the service is pointed at port 9).
        try (AuditsStub unused = new AuditsStub()) {
            Map<String, Object> body = unused.recommendation("TVP").request();
            for (String token : new String[] {tvpUser(), manager}) {
                Api.Res r = api().post(token, "/api/v1/actions/from-recommendation", body);
                assertEquals(503, r.status, r::toString);
                assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
                assertTrue(r.body.contains("nothing was written"), r::toString);
            }
        }
        assertEquals(before, api().get(manager, "/api/v1/plans").body + api().get(manager, "/api/v1/actions").body);
    }
}
