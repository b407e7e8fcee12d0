package uk.org.quadrant.indicators.domain;

/** What someone does to a value. */
public enum ValueAction {
    EDIT,
    SUBMIT,
    APPROVE,
    RETURN,
    REOPEN
}
