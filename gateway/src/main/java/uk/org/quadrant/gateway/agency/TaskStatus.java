package uk.org.quadrant.gateway.agency;

/** The four states a task shows, with the GOV.UK task list's tag for each ("Completed" is plain text). */
public enum TaskStatus {
    NOT_STARTED("Not started", "govuk-tag govuk-tag--blue"),
    IN_PROGRESS("In progress", "govuk-tag govuk-tag--light-blue"),
    RETURNED("Returned", "govuk-tag govuk-tag--red"),
    COMPLETED("Completed", "");

    private final String label;
    private final String tagClass;

    TaskStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    public boolean tagged() {
        return !tagClass.isEmpty();
    }
}
