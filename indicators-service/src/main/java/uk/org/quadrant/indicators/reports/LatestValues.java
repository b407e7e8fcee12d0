package uk.org.quadrant.indicators.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
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
 * {@code ValueVisibility}, in SQL). One short indexed query per indicator on one connection, each
 * reading at most {@link #DEPTH} rows from {@code ix_value_indicator_start}: the cost grows with the
 * number of indicators, never with the history held (a window function over all values did not:
 * 5–9 s at 780,000 values on H2, see docs/performance.md).
 */
@Singleton
class LatestValues {

    static final int DEPTH = 8;

    private static final String SQL = """
            SELECT indicator_code, period, period_start, agency_code, amount, numerator, denominator,
                   commentary, status, return_reason, outlier, updated_by, updated_at, version
            FROM indicator_value
            WHERE indicator_code = ? AND agency_code = ? AND period_start <= ?
              AND (agency_code = ? OR (? AND status <> 'DRAFT') OR (status = 'APPROVED' AND ?))
            ORDER BY period_start DESC
            LIMIT ?
            """;

    private final JdbcOperations jdbc;

    LatestValues(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Values by indicator code, oldest first, at most {@link #DEPTH} each. */
    Map<String, List<IndicatorValue>> load(Caller caller, LocalDate asAt, List<Indicator> indicators) {
        return jdbc.prepareStatement(SQL, (PreparedStatement st) -> {
            Map<String, List<IndicatorValue>> out = new HashMap<>();
            for (Indicator indicator : indicators) {
                st.setString(1, indicator.code());
                st.setString(2, indicator.ownerAgency());
                st.setDate(3, Date.valueOf(asAt));
                st.setString(4, caller.agency());
                st.setBoolean(5, caller.isBoard());
                st.setBoolean(6, indicator.published());
                st.setInt(7, DEPTH);
                List<IndicatorValue> rows = new ArrayList<>(DEPTH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                if (!rows.isEmpty()) {
                    java.util.Collections.reverse(rows);
                    out.put(indicator.code(), rows);
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
