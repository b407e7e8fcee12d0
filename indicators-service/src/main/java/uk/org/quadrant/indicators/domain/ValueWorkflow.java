package uk.org.quadrant.indicators.domain;

/**
 * The sign-off workflow of a value, as a pure function of its current status and an action.
 * <pre>
 *   (new) ─EDIT→ DRAFT ─SUBMIT→ SUBMITTED ─APPROVE→ APPROVED (locked)
 *                  ▲ EDIT           │ RETURN              │ REOPEN (recorded, with a reason)
 *               RETURNED ◄──────────┴─────────────────────┘
 * </pre>
 */
public final class ValueWorkflow {

    private ValueWorkflow() {
    }

    /**
     * @param current the value's status, or null if it does not exist yet
     * @return the status after the action
     * @throws IllegalTransitionException if the action is not allowed from {@code current}
     */
    public static ValueStatus next(ValueStatus current, ValueAction action) {
        return switch (action) {
            case EDIT -> {
                if (current == null || current.editable()) {
                    yield ValueStatus.DRAFT;
                }
                throw new IllegalTransitionException(current == ValueStatus.APPROVED
                        ? "This value is approved and locked; the board manager must re-open it before it can change"
                        : "This value has been submitted; the board manager must return it before it can change");
            }
            case SUBMIT -> {
                if (current != null && current.editable()) {
                    yield ValueStatus.SUBMITTED;
                }
                throw new IllegalTransitionException(current == null ? "There is no value to submit"
                        : "Only a draft or returned value can be submitted (this one is " + current + ")");
            }
            case APPROVE -> require(current, ValueStatus.SUBMITTED, ValueStatus.APPROVED, "approved");
            case RETURN -> require(current, ValueStatus.SUBMITTED, ValueStatus.RETURNED, "returned");
            case REOPEN -> require(current, ValueStatus.APPROVED, ValueStatus.RETURNED, "re-opened");
        };
    }

    private static ValueStatus require(ValueStatus current, ValueStatus from, ValueStatus to, String verb) {
        if (current == from) {
            return to;
        }
        throw new IllegalTransitionException("Only a " + from.name().toLowerCase() + " value can be " + verb
                + (current == null ? " (there is no value)" : " (this one is " + current + ")"));
    }

    /** Thrown for a transition the workflow does not allow; the API answers 409. */
    public static class IllegalTransitionException extends RuntimeException {
        public IllegalTransitionException(String message) {
            super(message);
        }
    }
}
