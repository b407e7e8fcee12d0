package uk.org.quadrant.gateway.plans;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action from actions-service with what a page shows beside it: lead agency's name, delivery
 * and measure tags, the completion date in words, and (on the plan table) its latest update.
 * Kept as a map so templates read the service's own field names ({@code row.ref}).
 */
final class ActionRows {

    private ActionRows() {
    }

    static Map<String, Object> row(Map<String, Object> action, Map<String, String> agencyNames, Map<String, Object> latest) {
        Map<String, Object> row = new LinkedHashMap<>(action);
        Object lead = action.get("leadAgency");
        row.put("leadAgencyName", agencyNames.getOrDefault(String.valueOf(lead), String.valueOf(lead)));
        row.put("deliveryTag", PlanWording.delivery(action.get("delivery")));
        row.put("statusLabel", PlanWording.status(action.get("status")));
        row.put("dueLabel", PlanWording.date(action.get("dueDate")));
        row.put("hasMeasure", action.get("measureIndicator") != null);
        row.put("measureTag", action.get("measureStatus") == null ? null : PlanWording.measure(action.get("measureStatus")));
        row.put("criterion", PlanWording.criterion(action.get("measureComparator"), action.get("measureTarget")));
        row.put("latest", latest == null ? null : update(latest));
        return row;
    }

    /** A progress update with its date in words. */
    static Map<String, Object> update(Map<String, Object> update) {
        Map<String, Object> u = new LinkedHashMap<>(update);
        u.put("dateLabel", PlanWording.date(update.get("updateDate")));
        u.put("statusAfterLabel", update.get("statusAfter") == null ? null : PlanWording.status(update.get("statusAfter")));
        return u;
    }
}
