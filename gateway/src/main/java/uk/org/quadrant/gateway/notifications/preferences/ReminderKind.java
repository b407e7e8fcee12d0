package uk.org.quadrant.gateway.notifications.preferences;

/**
 * The reminders a person can choose how to receive. The statutory returns' reminders may be moved to
 * the weekly digest but never switched off (docs/decisions.md, "Reminders").
 */
public enum ReminderKind {
    RETURNS_DUE("Performance data returns due or late", true),
    VALUE_RETURNED("Values the board manager returned for correction", true),
    DRAFT_READY("Drafts ready to check and submit (agency leads)", false),
    ACTIONS("Actions overdue, at risk or without an update for three months (agency leads)", false),
    BOARD_DIGEST("The board manager's monthly digest and the chair's pre-meeting digest", false);

    private final String label;
    private final boolean statutory;

    ReminderKind(String label, boolean statutory) {
        this.label = label;
        this.statutory = statutory;
    }

    public String label() {
        return label;
    }

    /** A statutory reminder can be moved to the digest but not switched off. */
    public boolean statutory() {
        return statutory;
    }
}
