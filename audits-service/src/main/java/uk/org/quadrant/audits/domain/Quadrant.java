package uk.org.quadrant.audits.domain;

/** The board's four quadrants of evidence (DESIGN.md). */
public enum Quadrant {
    QUANTITATIVE,
    QUALITATIVE,
    PRACTITIONER,
    CHILDREN_AND_FAMILIES
}
