package uk.org.quadrant.gateway.browse.plans;

import java.util.List;

/** How the plan pages word a measurable criterion; codes become words in {@code web.words.Words}. */
public final class PlanWording {

    /** Delivery statuses in the order the filter offers them. */
    public static final List<String> DELIVERIES = List.of("OVERDUE", "AT_RISK", "ON_TRACK", "COMPLETED");

    private PlanWording() {
    }

    /** "at least 75" / "at most 5" for a measurable criterion's comparator and target. */
    public static String criterion(Object comparator, Object target) {
        if (target == null) {
            return "";
        }
        return ("LTE".equals(comparator) ? "at most " : "at least ") + target;
    }
}
