package uk.org.quadrant.actions.domain;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which actions by their due date: on or after {@code from} and on or before {@code to}, either open
 * (the board's period filter: "actions due in 2017/18"). {@link #NONE} selects every action.
 */
public record DueWindow(@Nullable java.time.LocalDate from, @Nullable java.time.LocalDate to) {

    public static final DueWindow NONE = new DueWindow(null, null);

    /** The window of the query parameters {@code dueFrom} and {@code dueTo}; 400 naming {@code dueTo} if it ends before it starts. */
    public static DueWindow of(@Nullable java.time.LocalDate from, @Nullable java.time.LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("dueTo", "must not be before dueFrom (" + from + ")");
        }
        return from == null && to == null ? NONE : new DueWindow(from, to);
    }

    /** The SQL conditions on {@code due_date}, none for an open window. */
    public List<String> conditions() {
        List<String> out = new ArrayList<>(2);
        if (from != null) {
            out.add("due_date >= ?");
        }
        if (to != null) {
            out.add("due_date <= ?");
        }
        return out;
    }

    /** Binds the parameters of {@link #conditions()} from {@code index}; returns the next free index. */
    public int bind(PreparedStatement st, int index) throws SQLException {
        int i = index;
        if (from != null) {
            st.setDate(i++, Date.valueOf(from));
        }
        if (to != null) {
            st.setDate(i++, Date.valueOf(to));
        }
        return i;
    }
}
