package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Common ground of the black-box API tests: a JWKS standing in for the gateway, tokens for each
 * kind of user, and an HTTP client. Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase implements TestPropertyProvider {

    static final String INDICATORS = "/api/v1/indicators";

    protected final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private Api api;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
    }

    Api api() {
        if (api == null) {
            api = new Api(client, jsonMapper);
        }
        return api;
    }

    // Fresh tokens each time: they live five minutes.
    String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    String chair() {
        return tokens.board("chair", "BOARD_CHAIR");
    }

    String cscUser() {
        return tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
    }

    String cscLead() {
        return tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
    }

    String tvpUser() {
        return tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
    }

    String tvpLead() {
        return tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD");
    }

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
