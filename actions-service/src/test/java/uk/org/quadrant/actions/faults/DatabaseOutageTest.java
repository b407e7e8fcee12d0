package uk.org.quadrant.actions.faults;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import uk.org.quadrant.actions.support.IndicatorsStub;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.contracts.DatabaseOutageContract;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DatabaseOutageContract} on the plans: they are listed, and a plan is set up. */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    private final IndicatorsStub indicators = new IndicatorsStub();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(indicators.properties());
        return p;
    }

    @AfterAll
    void stopIndicators() {
        indicators.close();
    }

    private static Map<String, Object> plan(String ref) {
        return Map.of("title", "Outage plan " + ref, "sourceType", "SERIOUS_CASE_REVIEW", "sourceRef", ref);
    }

    @Override
    protected void prepare() {
        api().post(manager(), "/api/v1/plans", plan("outage-1")).expect(201);
    }

    @Override
    protected Api.Res read() {
        return api().get(manager(), "/api/v1/plans");
    }

    @Override
    protected Api.Res write() {
        return api().post(manager(), "/api/v1/plans", plan("outage-2"));
    }

    @Override
    protected void assertWrittenOnce() {
        long outagePlans = read().expect(200).list().stream()
                .filter(p -> String.valueOf(p.get("title")).startsWith("Outage plan ")).count();
        assertEquals(2, outagePlans, "the plan refused during the outage was not written; the one after it was, once");
    }
}
