package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/updates?from=&to=}: every action's progress updates dated within the range in one
 * call (the annual report's impact section), for any signed-in user, refusing a backwards range.
 */
@MicronautTest(transactional = false)
class UpdatesInPeriodApiTest extends ApiTestBase {

    private long action(String ref) {
        Api.Res plan = api().post(manager(), "/api/v1/plans", Map.of("title", "Updates in period " + ref, "sourceType", "SERIOUS_CASE_REVIEW",
                "sourceRef", "updates-in-period-" + ref));
        assertEquals(201, plan.status, plan::toString);
        Map<String, Object> body = new HashMap<>();
        body.put("ref", ref);
        body.put("issue", "Neglect not recognised early");
        body.put("action", "Roll out the neglect toolkit");
        body.put("dueDate", LocalDate.now().plusDays(90).toString());
        body.put("leadRole", "Principal Social Worker");
        body.put("leadAgency", "CSC");
        body.put("priority", 1);
        Api.Res r = api().post(manager(), "/api/v1/plans/" + ((Number) plan.map().get("id")).longValue() + "/actions", body);
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private void update(long actionId, String date, String narrative, String difference, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("narrative", narrative);
        body.put("date", date);
        if (difference != null) {
            body.put("difference", difference);
        }
        if (status != null) {
            body.put("status", status);
        }
        Api.Res r = api().post(manager(), "/api/v1/actions/" + actionId + "/updates", body);
        assertEquals(201, r.status, r::toString);
    }

    @Test
    void theYearsUpdatesComeInOneCallOldestFirstAndNothingOutsideTheRange() {
        long a = action("UIP-1");
        long b = action("UIP-2");
        update(a, "2017-03-31", "Before the year", null, "IN_PROGRESS");
        update(a, "2017-04-01", "Toolkit launched", null, null);
        update(b, "2017-09-30", "Training delivered", null, null);
        update(a, "2018-03-31", "Toolkit in use", "Audit shows neglect named earlier in 8 of 10 cases", "COMPLETED");
        update(b, "2018-04-01", "After the year", null, null);

        Api.Res r = api().get(tvpUser(), "/api/v1/updates?from=2017-04-01&to=2018-03-31");
        assertEquals(200, r.status, r::toString);
        List<Map<String, Object>> mine = r.list().stream()
                .filter(u -> ((Number) u.get("actionId")).longValue() == a || ((Number) u.get("actionId")).longValue() == b)
                .toList();
        assertEquals(List.of("Toolkit launched", "Training delivered", "Toolkit in use"),
                mine.stream().map(u -> u.get("narrative")).toList(), r::toString);
        Map<String, Object> last = mine.get(2);
        assertEquals("2018-03-31", last.get("updateDate"));
        assertEquals("COMPLETED", last.get("statusAfter"));
        assertEquals("Audit shows neglect named earlier in 8 of 10 cases", last.get("difference"));
    }

    @Test
    void aBackwardsOrMissingRangeIsRefusedNamingTheField() {
        Api.Res backwards = api().get(manager(), "/api/v1/updates?from=2018-03-31&to=2017-04-01");
        assertEquals(400, backwards.status, backwards::toString);
        assertTrue(backwards.body.contains("\"field\":\"to\""), backwards::toString);
        assertFalse(backwards.body.contains("Exception"), backwards::toString);
        Api.Res missing = api().get(manager(), "/api/v1/updates?to=2018-03-31");
        assertEquals(400, missing.status, missing::toString);
        Api.Res notADate = api().get(manager(), "/api/v1/updates?from=April&to=2018-03-31");
        assertEquals(400, notADate.status, notADate::toString);
    }

    @Test
    void withoutATokenThereIsNothing() {
        assertEquals(401, api().get(null, "/api/v1/updates?from=2017-04-01&to=2018-03-31").status);
    }
}
