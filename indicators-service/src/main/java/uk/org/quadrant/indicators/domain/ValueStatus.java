package uk.org.quadrant.indicators.domain;

/**
 * A value's place in the sign-off workflow: {@code DRAFT} → {@code SUBMITTED} (agency lead) →
 * {@code APPROVED} (board manager, locked) or {@code RETURNED} with a reason (back to the agency).
 * Re-opening an approved value returns it, with a reason, and is recorded.
 */
public enum ValueStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
