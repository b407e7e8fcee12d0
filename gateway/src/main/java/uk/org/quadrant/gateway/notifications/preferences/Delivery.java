package uk.org.quadrant.gateway.notifications.preferences;

/** How a person receives one kind of reminder. Without a choice of theirs: {@link #IMMEDIATE}. */
public enum Delivery {
    IMMEDIATE("As it happens"),
    WEEKLY_DIGEST("In a weekly digest"),
    OFF("Not at all");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
