package uk.org.quadrant.actions.domain;

/** Where an action stands, as its lead reports it. */
public enum ActionStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    CLOSED;

    public boolean isDone() {
        return this == COMPLETED || this == CLOSED;
    }
}
