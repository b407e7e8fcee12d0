package uk.org.quadrant.actions.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/actions} pages when asked ({@code page} from 0, {@code size} up to 500, the
 * whole filtered list's length in {@code X-Total-Count}) and answers the whole list, with no header,
 * when not: the callers that existed before paging see no change.
 */
@MicronautTest(transactional = false)
class ActionPagingApiTest extends ApiTestBase {

    @Test
    void actionsPageOnlyWhenAsked() {
        Api.Res plan = api().post(manager(), "/api/v1/plans", Map.of("title", "Paging plan", "sourceType", "SERIOUS_CASE_REVIEW",
                "sourceRef", "paging-plan"));
        assertEquals(201, plan.status, plan::toString);
        long planId = ((Number) plan.map().get("id")).longValue();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("ref", "P" + i);
            body.put("issue", "Issue " + i);
            body.put("action", "Action " + i);
            body.put("dueDate", LocalDate.now().plusDays(10 + i).toString());
            body.put("leadRole", "Principal Social Worker");
            body.put("leadAgency", "TVP");
            body.put("priority", 2);
            Api.Res r = api().post(manager(), "/api/v1/plans/" + planId + "/actions", body);
            assertEquals(201, r.status, r::toString);
        }
        String tvp = "/api/v1/actions?agency=TVP";
        HttpResponse<String> whole = client.toBlocking().exchange(HttpRequest.GET(tvp).bearerAuth(manager()), String.class);
        assertNull(whole.header("X-Total-Count"));
        List<Map<String, Object>> all = api().get(manager(), tvp).list();
        assertTrue(all.size() >= 5, all::toString);

        HttpResponse<String> paged = client.toBlocking().exchange(HttpRequest.GET(tvp + "&page=1&size=2").bearerAuth(manager()), String.class);
        assertEquals(Integer.toString(all.size()), paged.header("X-Total-Count"));
        assertEquals(ids(all.subList(2, 4)), ids(api().get(manager(), tvp + "&page=1&size=2").list()));
        assertEquals(List.of(), api().get(manager(), tvp + "&page=99&size=2").list());
        assertEquals(400, api().get(manager(), tvp + "&size=0").status);
        assertEquals(400, api().get(manager(), tvp + "&size=501").status);
        assertEquals(400, api().get(manager(), tvp + "&page=-1").status);
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }
}
