package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full (status, action) matrix of the sign-off workflow; a null status is a value that does not exist yet. */
class ValueWorkflowTest {

    /** The allowed transitions; every other pair must throw. */
    private static final Map<String, ValueStatus> ALLOWED = new HashMap<>();

    static {
        ALLOWED.put(key(null, ValueAction.EDIT), ValueStatus.DRAFT);
        ALLOWED.put(key(ValueStatus.DRAFT, ValueAction.EDIT), ValueStatus.DRAFT);
        ALLOWED.put(key(ValueStatus.RETURNED, ValueAction.EDIT), ValueStatus.DRAFT);
        ALLOWED.put(key(ValueStatus.DRAFT, ValueAction.SUBMIT), ValueStatus.SUBMITTED);
        ALLOWED.put(key(ValueStatus.RETURNED, ValueAction.SUBMIT), ValueStatus.SUBMITTED);
        ALLOWED.put(key(ValueStatus.SUBMITTED, ValueAction.APPROVE), ValueStatus.APPROVED);
        ALLOWED.put(key(ValueStatus.SUBMITTED, ValueAction.RETURN), ValueStatus.RETURNED);
        ALLOWED.put(key(ValueStatus.APPROVED, ValueAction.REOPEN), ValueStatus.RETURNED);
    }

    private static String key(ValueStatus status, ValueAction action) {
        return status + "/" + action;
    }

    static Stream<Arguments> matrix() {
        List<ValueStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(ValueStatus.values()));
        List<Arguments> all = new ArrayList<>();
        for (ValueStatus s : statuses) {
            for (ValueAction a : ValueAction.values()) {
                all.add(Arguments.of(s, a, ALLOWED.get(key(s, a))));
            }
        }
        return all.stream();
    }

    @Test
    void matrixIsComplete() {
        assertEquals((ValueStatus.values().length + 1) * ValueAction.values().length, matrix().count());
        assertEquals(25, matrix().count());
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("matrix")
    void transition(ValueStatus current, ValueAction action, ValueStatus expected) {
        if (expected != null) {
            assertEquals(expected, ValueWorkflow.next(current, action));
        } else {
            ValueWorkflow.IllegalTransitionException e = assertThrows(ValueWorkflow.IllegalTransitionException.class,
                    () -> ValueWorkflow.next(current, action));
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
        }
    }

    @Test
    void editableStatuses() {
        assertTrue(ValueStatus.DRAFT.editable());
        assertTrue(ValueStatus.RETURNED.editable());
        assertFalse(ValueStatus.SUBMITTED.editable());
        assertFalse(ValueStatus.APPROVED.editable());
    }

    @Test
    void fullCycle() {
        ValueStatus s = ValueWorkflow.next(null, ValueAction.EDIT);
        s = ValueWorkflow.next(s, ValueAction.SUBMIT);
        s = ValueWorkflow.next(s, ValueAction.RETURN);
        assertEquals(ValueStatus.RETURNED, s);
        s = ValueWorkflow.next(s, ValueAction.EDIT);
        s = ValueWorkflow.next(s, ValueAction.SUBMIT);
        s = ValueWorkflow.next(s, ValueAction.APPROVE);
        assertEquals(ValueStatus.APPROVED, s);
        s = ValueWorkflow.next(s, ValueAction.REOPEN);
        assertEquals(ValueStatus.RETURNED, s);
        assertEquals(ValueStatus.DRAFT, ValueWorkflow.next(s, ValueAction.EDIT));
    }

    @Test
    void lockedMessagesSayWhatToDo() {
        assertTrue(assertThrows(ValueWorkflow.IllegalTransitionException.class,
                () -> ValueWorkflow.next(ValueStatus.APPROVED, ValueAction.EDIT)).getMessage().contains("re-open"));
        assertTrue(assertThrows(ValueWorkflow.IllegalTransitionException.class,
                () -> ValueWorkflow.next(ValueStatus.SUBMITTED, ValueAction.EDIT)).getMessage().contains("return"));
    }
}
