package uk.org.quadrant.audits.domain;

/**
 * {@code PLANNED} → {@code IN_PROGRESS} → {@code REPORTED} → {@code CLOSED}. Moving forward (by one
 * or more steps) is the lead agency's or the board manager's; moving back is the board manager's only.
 */
public enum AuditStatus {
    PLANNED,
    IN_PROGRESS,
    REPORTED,
    CLOSED;

    public boolean isBackwardsFrom(AuditStatus current) {
        return ordinal() < current.ordinal();
    }
}
