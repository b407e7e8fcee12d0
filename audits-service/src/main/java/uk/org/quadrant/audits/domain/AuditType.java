package uk.org.quadrant.audits.domain;

/** The kinds of review and audit the board draws evidence from, and the quadrant each mainly evidences. */
public enum AuditType {
    MULTI_AGENCY_CASE_AUDIT(true, Quadrant.QUALITATIVE),
    SINGLE_AGENCY_AUDIT(true, Quadrant.QUALITATIVE),
    SECTION_11_SELF_ASSESSMENT(false, Quadrant.QUALITATIVE),
    SERIOUS_CASE_REVIEW(false, Quadrant.QUALITATIVE),
    LEARNING_REVIEW(false, Quadrant.QUALITATIVE),
    DOMESTIC_HOMICIDE_REVIEW(false, Quadrant.QUALITATIVE),
    PRACTITIONER_EVENT_OR_SURVEY(false, Quadrant.PRACTITIONER),
    CHILDREN_AND_FAMILIES_ENGAGEMENT(false, Quadrant.CHILDREN_AND_FAMILIES),
    COMPLAINTS_SUMMARY(false, Quadrant.CHILDREN_AND_FAMILIES);

    private final boolean gradesCases;
    private final Quadrant quadrant;

    AuditType(boolean gradesCases, Quadrant quadrant) {
        this.gradesCases = gradesCases;
        this.quadrant = quadrant;
    }

    /** Only case audits grade individual cases. */
    public boolean gradesCases() {
        return gradesCases;
    }

    public Quadrant defaultQuadrant() {
        return quadrant;
    }
}
