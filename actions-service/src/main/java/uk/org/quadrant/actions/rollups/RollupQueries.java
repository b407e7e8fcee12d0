package uk.org.quadrant.actions.rollups;

import uk.org.quadrant.actions.domain.DueWindow;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.actions.plans.DeliveryClock;
import uk.org.quadrant.actions.plans.DeliveryNow;
import uk.org.quadrant.actions.plans.DeliverySql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Roll-ups and the due feed in SQL, on the narrow columns only (never the text of an action): one GROUP BY
 * for the counts of every key, one query for the overdue actions listed under them ({@link DeliverySql}).
 */
@Singleton
class RollupQueries {

    /** The roll-up's "due in the next 30 days" window, whatever the configured due-soon threshold. */
    static final int DUE_WINDOW_DAYS = 30;

    private static final String ITEM_COLUMNS = "id, plan_id, ref, lead_agency, due_date, priority";

    private final JdbcOperations jdbc;
    private final DeliveryClock clock;

    RollupQueries(JdbcOperations jdbc, DeliveryClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a roll-up groups by: the column, and how its value is written as the roll-up's key. */
    enum By {
        AGENCY("lead_agency", 4),
        PRIORITY("priority", 6),
        PLAN("plan_id", 2);

        private final String column;
        /** Where the column is among {@link #ITEM_COLUMNS}. */
        private final int itemColumn;

        By(String column, int itemColumn) {
            this.column = column;
            this.itemColumn = itemColumn;
        }

        static By of(String name) {
            return switch (name) {
                case "priority" -> PRIORITY;
                case "plan" -> PLAN;
                default -> AGENCY;
            };
        }

        /** The key of the row's group, as the roll-up shows it (a missing priority is "none"). */
        String key(ResultSet rs, int column) throws SQLException {
            return switch (this) {
                case AGENCY -> rs.getString(column);
                case PRIORITY -> {
                    int p = rs.getInt(column);
                    yield rs.wasNull() ? "none" : Integer.toString(p);
                }
                case PLAN -> Long.toString(rs.getLong(column));
            };
        }
    }

    /**
     * One roll-up per key, in the order of the keys as text; one read-only transaction for both queries.
     *
     * @param withOverdueItems list each key's overdue actions ({@link Rollup#overdueActions()}); without them
     *                         only the counts are read (the second query is skipped)
     */
    @Transactional(readOnly = true)
    List<Rollup> rollups(By by, boolean withOverdueItems, DueWindow due) {
        DeliveryNow at = clock.now();
        // The counts of each group, the Delivery of each row worked out once in the derived table.
        String counts = "SELECT k, COUNT(*),"
                + " SUM(CASE WHEN d = '" + Delivery.COMPLETED + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d = '" + Delivery.OVERDUE + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d = '" + Delivery.AT_RISK + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d = '" + Delivery.ON_TRACK + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d IN ('" + Delivery.AT_RISK + "', '" + Delivery.ON_TRACK + "') AND due_date <= ? THEN 1 ELSE 0 END)"
                + " FROM (SELECT " + by.column + " AS k, due_date, " + DeliverySql.CASE + " AS d FROM plan_action" + where(due, "") + ") x"
                + " GROUP BY k";
        String late = "SELECT " + ITEM_COLUMNS + " FROM plan_action WHERE " + DeliverySql.OVERDUE + where(due, " AND ") + " ORDER BY due_date, id";
        return jdbc.execute(connection -> {
            Map<String, List<Rollup.Item>> lateByKey = new TreeMap<>();
            if (withOverdueItems) {
                try (PreparedStatement st = connection.prepareStatement(late)) {
                    due.bind(st, DeliverySql.bindToday(st, 1, at));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String key = by.key(rs, by.itemColumn);
                            lateByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item(rs));
                        }
                    }
                }
            }
            Map<String, Rollup> out = new TreeMap<>();
            try (PreparedStatement st = connection.prepareStatement(counts)) {
                LocalDate window = at.today().plusDays(DUE_WINDOW_DAYS);
                st.setDate(1, Date.valueOf(window));
                due.bind(st, DeliverySql.bind(st, 2, at));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String key = by.key(rs, 1);
                        int total = rs.getInt(2);
                        int completed = rs.getInt(3);
                        BigDecimal percent = BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
                        out.put(key, new Rollup(key, total, completed, rs.getInt(4), rs.getInt(5), rs.getInt(6), percent, rs.getInt(7),
                                lateByKey.getOrDefault(key, List.of())));
                    }
                }
            }
            return List.copyOf(out.values());
        });
    }

    /** The due-date conditions of a window after {@code join} (" AND "), or as a WHERE clause when {@code join} is empty. */
    private static String where(DueWindow due, String join) {
        List<String> conditions = due.conditions();
        if (conditions.isEmpty()) {
            return "";
        }
        return (join.isEmpty() ? " WHERE " : join) + String.join(" AND ", conditions);
    }

    /**
     * Open actions due on or before {@code horizon} (overdue included), soonest first; of one lead agency when
     * {@code agency} is given (compared exactly, as a MariaDB collation would not).
     */
    @Transactional(readOnly = true)
    List<Rollup.Item> due(LocalDate horizon, String agency) {
        String sql = "SELECT " + ITEM_COLUMNS + " FROM plan_action WHERE NOT (" + DeliverySql.DONE + ") AND due_date <= ?"
                + (agency == null ? "" : " AND lead_agency = ?") + " ORDER BY due_date, id";
        return jdbc.prepareStatement(sql, (PreparedStatement st) -> {
            st.setDate(1, Date.valueOf(horizon));
            if (agency != null) {
                st.setString(2, agency);
            }
            List<Rollup.Item> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (agency == null || agency.equals(rs.getString(4))) {
                        out.add(item(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Rollup.Item item(ResultSet rs) throws SQLException {
        return new Rollup.Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class).toString());
    }
}
