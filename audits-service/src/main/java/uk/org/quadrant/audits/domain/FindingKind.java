package uk.org.quadrant.audits.domain;

/** What a finding is: {@code VIEW} is a quoted view of a child, parent or practitioner. */
public enum FindingKind {
    STRENGTH,
    LEARNING_POINT,
    RECOMMENDATION,
    CONCERN,
    VIEW
}
