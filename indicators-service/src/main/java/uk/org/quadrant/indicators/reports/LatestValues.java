package uk.org.quadrant.indicators.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.org.quadrant.indicators.access.Caller;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.indicators.values.IndicatorValue;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few values of each indicator's owner agency that the caller may see (the rule of
 * {@code ValueVisibility}, in SQL), in one query
 * (a window function, so the cost is bounded by indicators × depth, not by all history).
 */
@Singleton
class LatestValues {

    static final int DEPTH = 8;

    private static final String SQL = """
            SELECT t.indicator_code, t.period, t.period_start, t.agency_code, t.amount, t.numerator, t.denominator,
                   t.commentary, t.status, t.return_reason, t.outlier, t.updated_by, t.updated_at, t.version
            FROM (
              SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.indicator_code ORDER BY v.period_start DESC) AS rn
              FROM indicator_value v
              JOIN indicator i ON i.code = v.indicator_code AND i.owner_agency = v.agency_code
              WHERE i.active = TRUE AND v.period_start <= ?
                AND (v.agency_code = ? OR (? AND v.status <> 'DRAFT') OR (v.status = 'APPROVED' AND i.published = TRUE))
            ) t
            WHERE t.rn <= ?
            ORDER BY t.indicator_code, t.period_start
            """;

    private final JdbcOperations jdbc;

    LatestValues(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Values by indicator code, oldest first, at most {@link #DEPTH} each. */
    Map<String, List<IndicatorValue>> load(Caller caller, LocalDate asAt) {
        return jdbc.prepareStatement(SQL, (PreparedStatement st) -> {
            st.setDate(1, Date.valueOf(asAt));
            st.setString(2, caller.agency());
            st.setBoolean(3, caller.isBoard());
            st.setInt(4, DEPTH);
            Map<String, List<IndicatorValue>> out = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    IndicatorValue v = row(rs);
                    out.computeIfAbsent(v.indicatorCode(), k -> new ArrayList<>()).add(v);
                }
            }
            return out;
        });
    }

    private static IndicatorValue row(ResultSet rs) throws SQLException {
        return new IndicatorValue(null, rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                ValueStatus.valueOf(rs.getString(9)), rs.getString(10), rs.getBoolean(11), null, null, null, null,
                rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getLong(14));
    }
}
