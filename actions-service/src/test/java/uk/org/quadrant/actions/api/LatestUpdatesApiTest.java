package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/v1/plans/{id}/latest-updates}: the newest progress update of each action of a
 * plan in one answer (by update date, then by recording order), nothing from other plans, readable
 * by every signed-in user, 404 for a plan that does not exist.
 */
@MicronautTest(transactional = false)
class LatestUpdatesApiTest extends ApiTestBase {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private long plan(String ref) {
        Api.Res r = api().post(manager(), "/api/v1/plans", Map.of("title", "Plan " + ref, "sourceType", "INSPECTION", "sourceRef", ref));
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private long action(long planId, String ref, String lead) {
        Map<String, Object> body = new HashMap<>();
        body.put("ref", ref);
        body.put("issue", "Thresholds not understood");
        body.put("action", "Publish the threshold document");
        body.put("dueDate", today().plusDays(120).toString());
        body.put("leadRole", "Principal Social Worker");
        body.put("leadAgency", lead);
        Api.Res r = api().post(manager(), "/api/v1/plans/" + planId + "/actions", body);
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private void update(long actionId, String narrative, String difference, LocalDate date, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("narrative", narrative);
        body.put("difference", difference);
        body.put("date", date.toString());
        Api.Res r = api().post(token, "/api/v1/actions/" + actionId + "/updates", body);
        assertEquals(201, r.status, r::toString);
    }

    @Test
    void theNewestUpdateOfEachActionOfThePlanOnly() {
        long plan = plan("LATEST-1");
        long first = action(plan, "1.1", "CSC");
        long second = action(plan, "1.2", "TVP");
        long none = action(plan, "1.3", "OH");
        update(first, "Recorded second, dated earlier", "None yet", today().minusDays(20), manager());
        update(first, "Newest by date", "Schools know their MASH contact", today().minusDays(2),
                cscLead());
        update(first, "Oldest", "-", today().minusDays(30), manager());
        update(second, "Same day A", "a", today().minusDays(5), manager());
        update(second, "Same day B, recorded later", "b", today().minusDays(5), tvpUser());
        long other = action(plan("LATEST-2"), "9.9", "CSC");
        update(other, "Another plan's update", "x", today(), manager());

        for (String token : List.of(manager(), chair(), ohUser())) {
            Api.Res r = api().get(token, "/api/v1/plans/" + plan + "/latest-updates");
            assertEquals(200, r.status, r::toString);
            List<Map<String, Object>> rows = r.list();
            assertEquals(2, rows.size(), "one per action with updates; " + none + " has none: " + rows);
            assertEquals(first, ((Number) rows.get(0).get("actionId")).longValue());
            assertEquals("Newest by date", rows.get(0).get("narrative"));
            assertEquals("Schools know their MASH contact", rows.get(0).get("difference"));
            assertEquals(today().minusDays(2).toString(), rows.get(0).get("updateDate"));
            assertEquals("CSC", rows.get(0).get("agency"));
            assertEquals(second, ((Number) rows.get(1).get("actionId")).longValue());
            assertEquals("Same day B, recorded later", rows.get(1).get("narrative"));
        }
    }

    @Test
    void aPlanThatDoesNotExistIs404AndAnEmptyPlanHasNoUpdates() {
        Api.Res missing = api().get(manager(), "/api/v1/plans/987654/latest-updates");
        assertEquals(404, missing.status, missing::toString);
        Api.Res empty = api().get(manager(), "/api/v1/plans/" + plan("LATEST-EMPTY") + "/latest-updates");
        assertEquals(200, empty.status, empty::toString);
        assertEquals(List.of(), empty.list());
        assertEquals(401, api().get(null, "/api/v1/plans/1/latest-updates").status);
    }
}
