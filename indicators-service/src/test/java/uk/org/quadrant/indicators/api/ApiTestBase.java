package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.api.ServiceApiTest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The black-box API tests of indicators-service on {@link ServiceApiTest}: the indicator paths, request
 * bodies and the writes most tests begin with. Subclasses carry {@code @MicronautTest}.
 */
abstract class ApiTestBase extends ServiceApiTest {

    static final String INDICATORS = "/api/v1/indicators";

    static String values(String code) {
        return INDICATORS + "/" + code + "/values";
    }

    static String value(String code, String period) {
        return values(code) + "/" + period;
    }

    /** Defines an indicator as the board manager (201). */
    Api.Res define(Map<String, Object> definition) {
        return api().post(manager(), INDICATORS, definition).expect(201);
    }

    /** Enters (or updates, with the version) a value as the given user. */
    Api.Res enter(String token, String code, String period, Object value, Long version) {
        return api().put(token, value(code, period), Api.body("value", value, "version", version));
    }

    /** Enters a value as the agency user, submits it as the lead and approves it as the manager. */
    void enterApproved(String userToken, String leadToken, String code, String period, Object value) {
        enter(userToken, code, period, value, null).expect(200);
        api().post(leadToken, value(code, period) + "/submit", Map.of()).expect(200);
        api().post(manager(), value(code, period) + "/approve", Map.of()).expect(200);
    }

    /** An indicator definition with the given parts. */
    static Map<String, Object> indicator(String code, String unit, String polarity, String frequency, String owner, int priority) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", "Test indicator " + code);
        m.put("unit", unit);
        m.put("polarity", polarity);
        m.put("frequency", frequency);
        m.put("ownerAgency", owner);
        m.put("priority", priority);
        m.put("tolerancePercent", 10);
        return m;
    }
}
