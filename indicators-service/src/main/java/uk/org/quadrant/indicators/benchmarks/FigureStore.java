package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code benchmark_value} table, read and written in batches (an import replaces whole periods). */
@Singleton
class FigureStore {

    private static final String COLUMNS = "period, geo_level, geo_code, geo_name, region_code, amount, suppressed, numerator, import_id";

    private final JdbcOperations jdbc;

    FigureStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every figure of the indicator in these periods. */
    List<Figure> load(String indicator, Collection<String> periods) {
        if (periods.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(periods.size(), "?"));
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM benchmark_value WHERE indicator_code = ? AND period IN (" + marks + ")",
                st -> {
                    st.setString(1, indicator);
                    int i = 2;
                    for (String p : periods) {
                        st.setString(i++, p);
                    }
                    return read(st);
                });
    }

    /** Every figure of the indicator. */
    List<Figure> all(String indicator) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM benchmark_value WHERE indicator_code = ?", st -> {
            st.setString(1, indicator);
            return read(st);
        });
    }

    /** The periods the indicator has figures for. */
    List<String> periods(String indicator) {
        return jdbc.prepareStatement("SELECT DISTINCT period FROM benchmark_value WHERE indicator_code = ?", st -> {
            st.setString(1, indicator);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Replaces the indicator's figures in the periods of {@code figures} with them. */
    void replace(String indicator, Collection<String> periods, List<Figure> figures) {
        String marks = String.join(",", java.util.Collections.nCopies(periods.size(), "?"));
        jdbc.prepareStatement("DELETE FROM benchmark_value WHERE indicator_code = ? AND period IN (" + marks + ")", st -> {
            st.setString(1, indicator);
            int i = 2;
            for (String p : periods) {
                st.setString(i++, p);
            }
            return st.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO benchmark_value (indicator_code, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (PreparedStatement st) -> {
                    int n = 0;
                    for (Figure f : figures) {
                        st.setString(1, indicator);
                        st.setString(2, f.period());
                        st.setString(3, f.level());
                        st.setString(4, f.geoCode());
                        setString(st, 5, f.geoName());
                        setString(st, 6, f.regionCode());
                        st.setBigDecimal(7, f.amount());
                        setString(st, 8, f.suppressed());
                        st.setBigDecimal(9, f.numerator());
                        st.setLong(10, f.importId());
                        st.addBatch();
                        if (++n % 500 == 0) {
                            st.executeBatch();
                        }
                    }
                    st.executeBatch();
                    return n;
                });
    }

    private static void setString(PreparedStatement st, int i, String s) throws SQLException {
        if (s == null) {
            st.setNull(i, Types.VARCHAR);
        } else {
            st.setString(i, s);
        }
    }

    private static List<Figure> read(PreparedStatement st) throws SQLException {
        List<Figure> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getLong(9)));
            }
        }
        return out;
    }
}
