package uk.org.quadrant.actions.domain;

/** Where an action plan comes from. */
public enum SourceType {
    INSPECTION,
    SERIOUS_CASE_REVIEW,
    DOMESTIC_HOMICIDE_REVIEW,
    LEARNING_REVIEW,
    AUDIT,
    SELF_ASSESSMENT,
    BUSINESS_PLAN
}
