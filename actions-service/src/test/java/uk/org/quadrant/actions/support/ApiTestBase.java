package uk.org.quadrant.actions.support;

import org.junit.jupiter.api.AfterAll;
import uk.org.quadrant.common.testing.api.ServiceApiTest;

import java.util.HashMap;
import java.util.Map;

/**
 * The black-box API tests of actions-service on {@link ServiceApiTest} (JWKS, client, {@code api()}, a token
 * per kind of user), with indicators-service stood in by an {@link IndicatorsStub}. Subclasses carry
 * {@code @MicronautTest(transactional = false)}; one that needs audits-service adds its own {@link AuditsStub}.
 */
public abstract class ApiTestBase extends ServiceApiTest {

    protected final IndicatorsStub indicators = indicatorsStub();

    /** The indicators stand-in; override to have it know some indicator codes. */
    protected IndicatorsStub indicatorsStub() {
        return new IndicatorsStub();
    }

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
}
