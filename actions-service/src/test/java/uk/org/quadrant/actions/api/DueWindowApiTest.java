package uk.org.quadrant.actions.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board's period filter reaches the actions: {@code dueFrom}/{@code dueTo} (inclusive, either
 * optional) select the actions due in a period on {@code GET /api/v1/actions} (paged or not) and in
 * the roll-ups' counts and overdue lists; a window that ends before it starts, or a date that is not
 * one, is a 400 naming the field.
 */
@MicronautTest(transactional = false)
class DueWindowApiTest extends ApiTestBase {

    @Test
    void actionsAndRollupsCountOnlyTheActionsDueInTheWindow() {
        Api.Res plan = api().post(manager(), "/api/v1/plans", Map.of("title", "Due window plan", "sourceType", "AUDIT",
                "sourceRef", "due-window"));
        assertEquals(201, plan.status, plan::toString);
        long planId = plan.id();
        LocalDate[] dues = {LocalDate.of(2016, 3, 31), LocalDate.of(2016, 4, 1), LocalDate.of(2016, 12, 1),
                LocalDate.of(2017, 3, 31), LocalDate.of(2017, 4, 1)};
        for (int i = 0; i < dues.length; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("ref", "W" + i);
            body.put("issue", "Window issue");
            body.put("action", "Window action " + i);
            body.put("dueDate", dues[i].toString());
            body.put("leadRole", "Head of service");
            body.put("leadAgency", "YJS");
            body.put("priority", 6);
            Api.Res created = api().post(manager(), "/api/v1/plans/" + planId + "/actions", body);
            assertEquals(201, created.status, created::toString);
        }
        // the expected answer, worked out here from the whole unfiltered list
        List<Map<String, Object>> all = api().get(manager(), "/api/v1/actions?agency=YJS").list();
        List<Object> inYear = all.stream().filter(a -> inWindow(a, "2016-04-01", "2017-03-31")).map(a -> a.get("id")).toList();
        assertTrue(inYear.size() >= 3, inYear::toString);

        String window = "dueFrom=2016-04-01&dueTo=2017-03-31";
        List<Map<String, Object>> filtered = api().get(manager(), "/api/v1/actions?agency=YJS&" + window).list();
        assertEquals(inYear, filtered.stream().map(a -> a.get("id")).toList());
        assertEquals(inYear.subList(1, 2), api().get(manager(), "/api/v1/actions?agency=YJS&" + window + "&page=1&size=1").list()
                .stream().map(a -> a.get("id")).toList());
        // open-ended windows
        assertEquals(all.stream().filter(a -> inWindow(a, "2017-04-01", "9999-12-31")).count(),
                api().get(manager(), "/api/v1/actions?agency=YJS&dueFrom=2017-04-01").list().size());
        assertEquals(all.stream().filter(a -> inWindow(a, "0001-01-01", "2016-03-31")).count(),
                api().get(manager(), "/api/v1/actions?agency=YJS&dueTo=2016-03-31").list().size());

        // the roll-ups count the same actions, and list only their overdue ones
        Map<String, Object> yjs = Api.find(api().get(manager(), "/api/v1/rollups?by=agency&" + window).list(), "key", "YJS");
        assertEquals(inYear.size(), ((Number) yjs.get("total")).intValue(), yjs::toString);
        List<Object> overdueInYear = filtered.stream().filter(a -> "OVERDUE".equals(a.get("delivery"))).map(a -> a.get("id")).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) yjs.get("overdueActions");
        assertEquals(overdueInYear.stream().map(String::valueOf).collect(Collectors.toSet()),
                listed.stream().map(a -> String.valueOf(a.get("id"))).collect(Collectors.toSet()));
        int wholeTotal = ((Number) Api.find(api().get(manager(), "/api/v1/rollups?by=agency").list(), "key", "YJS").get("total")).intValue();
        assertEquals(all.size(), wholeTotal);
        int byPriority = api().get(manager(), "/api/v1/rollups?by=priority&" + window).list().stream()
                .mapToInt(r -> ((Number) r.get("total")).intValue()).sum();
        assertEquals(api().get(manager(), "/api/v1/actions?" + window).list().size(), byPriority);
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrIsNotADateIsRefused() {
        api().get(manager(), "/api/v1/actions?dueFrom=2017-04-01&dueTo=2016-03-31").expectFieldError("dueTo");
        api().get(manager(), "/api/v1/rollups?by=agency&dueFrom=2017-04-01&dueTo=2016-03-31").expectFieldError("dueTo");
        assertEquals(400, api().get(manager(), "/api/v1/actions?dueFrom=2017April").status);
    }

    private static boolean inWindow(Map<String, Object> action, String from, String to) {
        String due = String.valueOf(action.get("dueDate"));
        return due.compareTo(from) >= 0 && due.compareTo(to) <= 0;
    }
}
