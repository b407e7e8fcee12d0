package uk.org.quadrant.indicators.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.api.Api;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;

/**
 * {@code GET /api/v1/submissions?period=} gives the board what it needs to decide on a submitted value
 * in the one call: the value, its version, who submitted it and why, the period's target and the
 * previous period's approved value. A draft's figure stays hidden; a previous value not yet approved is
 * not shown as one. Indicator codes here start with "SD-".
 */
@MicronautTest
class SubmissionsDecisionApiTest extends ApiTestBase {

    @Test
    void aSubmittedValueComesWithItsTargetAndThePreviousApprovedValue() {
        String code = "SD-CP-PLANS";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 5));
        api().put(manager(), INDICATORS + "/" + code + "/targets/2017April", Map.of("value", 700)).expect(200);
        enter(cscUser(), code, "2016April", 607, null).expect(200);
        api().post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200);
        api().post(manager(), value(code, "2016April") + "/approve", Map.of()).expect(200);
        Api.Res draft = enter(cscUser(), code, "2017April", 730, null).expect(200);
        Api.Res submitted = api().post(cscLead(), value(code, "2017April") + "/submit", Map.of("version", draft.version())).expect(200);

        Map<String, Object> item = item(api().get(manager(), "/api/v1/submissions?period=2017April").expect(200).map(), code);
        assertEquals("SUBMITTED", item.get("status"));
        assertNumber("730", item.get("value"), "the submitted value");
        assertEquals(submitted.version(), ((Number) item.get("version")).longValue(), "its version, for the decision");
        assertEquals("csc.lead", item.get("submittedBy"));
        assertNumber("700", item.get("target"), "the period's target");
        assertNumber("607", item.get("previousValue"), "last year's approved value");
        assertEquals("2016/17", item.get("previousPeriodLabel"));

        // the year before has a draft only: no previous value; and a draft's own figure is never shown
        enter(cscUser(), code, "2015April", 569, null).expect(200);
        Map<String, Object> earlier = item(api().get(manager(), "/api/v1/submissions?period=2016April").expect(200).map(), code);
        assertEquals("APPROVED", earlier.get("status"));
        assertNull(earlier.get("value"), "only a value waiting for a decision carries its figures");
        api().post(manager(), value(code, "2017April") + "/return", Map.of("reason", "Check the count")).expect(200);
        Map<String, Object> returned = item(api().get(manager(), "/api/v1/submissions?period=2017April").expect(200).map(), code);
        assertEquals("RETURNED", returned.get("status"));
        assertNull(returned.get("target"));
        Map<String, Object> drafted = item(api().get(manager(), "/api/v1/submissions?period=2015April").expect(200).map(), code);
        assertEquals("DRAFT", drafted.get("status"));
        assertNull(drafted.get("value"), "a draft's figure stays hidden from the board");
    }

    @Test
    void theManagerIsToldHowManyValuesWaitAndNobodyElseAsks() {
        String code = "SD-WAITING";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 5));
        long before = waiting();
        Api.Res draft = enter(cscUser(), code, "2017April", 12, null).expect(200);
        assertEquals(before, waiting(), "a draft does not wait for the board");
        api().post(cscLead(), value(code, "2017April") + "/submit", Map.of("version", draft.version())).expect(200);
        assertEquals(before + 1, waiting(), "a submitted value does");
        api().post(manager(), value(code, "2017April") + "/approve", Map.of()).expect(200);
        assertEquals(before, waiting(), "and stops waiting once decided");
        api().get(cscLead(), "/api/v1/submissions/waiting").expect(403);
        api().get(chair(), "/api/v1/submissions/waiting").expect(403);
    }

    private long waiting() {
        return ((Number) api().get(manager(), "/api/v1/submissions/waiting").expect(200).get("waiting")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> status, String code) {
        for (Map<String, Object> agency : (List<Map<String, Object>>) status.get("agencies")) {
            for (Map<String, Object> item : (List<Map<String, Object>>) agency.get("items")) {
                if (code.equals(item.get("code"))) {
                    return item;
                }
            }
        }
        throw new AssertionError(code + " is not in " + status);
    }
}
