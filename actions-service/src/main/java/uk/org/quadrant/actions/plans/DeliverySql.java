package uk.org.quadrant.actions.plans;

import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@link Delivery#of} in SQL over {@code plan_action}'s columns, so that lists and roll-ups filter and count
 * in the database instead of reading every action. Proven equal to the Java rule at every boundary by
 * {@code DeliveryInSqlTest} (H2 and MariaDB). The column names are unqualified: use them where
 * {@code plan_action} is the only table in scope.
 */
public final class DeliverySql {

    /** The statuses {@link ActionStatus#isDone()} accepts; they count as completed whatever the dates. */
    public static final String DONE = "status IN (" + Arrays.stream(ActionStatus.values()).filter(ActionStatus::isDone)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    /** Open (not done) and past its due date; one parameter: today ({@link #bindToday}). */
    public static final String OVERDUE = "NOT (" + DONE + ") AND due_date < ?";

    /**
     * The {@link Delivery} name of the row, the branches in the order of {@link Delivery#of}. Three parameters,
     * bound by {@link #bind}: today, the due-soon limit, the stale cut-off.
     */
    public static final String CASE = "CASE WHEN " + DONE + " THEN '" + Delivery.COMPLETED + "'"
            + " WHEN due_date < ? THEN '" + Delivery.OVERDUE + "'"
            + " WHEN due_date <= ? THEN '" + Delivery.AT_RISK + "'"
            + " WHEN COALESCE(last_update_at, created_at) <= ? THEN '" + Delivery.AT_RISK + "'"
            + " ELSE '" + Delivery.ON_TRACK + "' END";

    private DeliverySql() {
    }

    /** Binds {@link #CASE}'s three parameters from {@code index}; returns the next free index. */
    public static int bind(PreparedStatement st, int index, DeliveryNow at) throws SQLException {
        st.setDate(index, Date.valueOf(at.today()));
        st.setDate(index + 1, Date.valueOf(at.dueSoonLimit()));
        // As Micronaut Data binds an Instant when it writes one, so both sides convert alike.
        st.setTimestamp(index + 2, Timestamp.from(at.staleCutoff()));
        return index + 3;
    }

    /** Binds {@link #OVERDUE}'s parameter; returns the next free index. */
    public static int bindToday(PreparedStatement st, int index, DeliveryNow at) throws SQLException {
        st.setDate(index, Date.valueOf(at.today()));
        return index + 1;
    }
}
