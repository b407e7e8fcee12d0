package uk.org.quadrant.actions.plans;

import uk.org.quadrant.actions.domain.DueWindow;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.common.paging.Paging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The action list's filters, order and paging in SQL: only the rows asked for are read with their text
 * columns. A page first finds its ids on the narrow columns ({@code ORDER BY due_date, id LIMIT ? OFFSET ?},
 * served by {@code ix_action_due} or {@code ix_action_lead}), then reads those rows whole.
 */
@Singleton
class ActionQueries {

    private final JdbcOperations jdbc;

    ActionQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Which actions: each filter is optional (null = any). */
    record Filter(String agency, Integer priority, Delivery delivery, DueWindow due) {
    }

    /** The actions a request gets, and how many the filter selects in all. */
    record Selection(List<PlanAction> rows, long total) {
    }

    /**
     * The filtered actions by due date then id: all of them (no paging) or the page, with the filtered total.
     * The total costs a COUNT only when the page does not show where the list ends (a short page that is not
     * empty, or an empty first page). One read-only transaction: the page and its total agree.
     */
    @Transactional(readOnly = true)
    Selection select(Filter filter, DeliveryNow at, Paging paging) {
        List<PlanAction> rows = list(filter, at, paging);
        if (paging == null) {
            return new Selection(rows, rows.size());
        }
        if (rows.size() < paging.size() && (!rows.isEmpty() || paging.offset() == 0)) {
            return new Selection(rows, paging.offset() + rows.size());
        }
        return new Selection(rows, count(filter, at));
    }

    private List<PlanAction> list(Filter filter, DeliveryNow at, Paging paging) {
        Where where = Where.of(filter);
        String sql = paging == null
                ? "SELECT * FROM plan_action" + where.sql + " ORDER BY due_date, id"
                : "SELECT a.* FROM plan_action a JOIN (SELECT id FROM plan_action" + where.sql
                        + " ORDER BY due_date, id LIMIT ? OFFSET ?) p ON p.id = a.id ORDER BY a.due_date, a.id";
        return jdbc.prepareStatement(sql, (PreparedStatement st) -> {
            int next = where.bind(st, 1, at);
            if (paging != null) {
                st.setInt(next, paging.size());
                st.setLong(next + 1, paging.offset());
            }
            List<PlanAction> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(jdbc.readEntity(rs, PlanAction.class));
                }
            }
            return out;
        });
    }

    private long count(Filter filter, DeliveryNow at) {
        Where where = Where.of(filter);
        return jdbc.prepareStatement("SELECT COUNT(*) FROM plan_action" + where.sql, (PreparedStatement st) -> {
            where.bind(st, 1, at);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The WHERE clause of a filter (empty when there is none) and how to bind its parameters. */
    private record Where(String sql, Filter filter) {

        static Where of(Filter f) {
            List<String> conditions = new ArrayList<>();
            if (f.agency() != null) {
                conditions.add("lead_agency = ?");
            }
            if (f.priority() != null) {
                conditions.add("priority = ?");
            }
            if (f.delivery() != null) {
                conditions.add(DeliverySql.CASE + " = ?");
            }
            conditions.addAll(f.due().conditions());
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), f);
        }

        /** Binds the parameters in the order {@link #of} wrote their conditions; returns the next free index. */
        int bind(PreparedStatement st, int index, DeliveryNow at) throws SQLException {
            int i = index;
            if (filter.agency() != null) {
                st.setString(i++, filter.agency());
            }
            if (filter.priority() != null) {
                st.setInt(i++, filter.priority());
            }
            if (filter.delivery() != null) {
                i = DeliverySql.bind(st, i, at);
                st.setString(i++, filter.delivery().name());
            }
            return filter.due().bind(st, i);
        }
    }
}
