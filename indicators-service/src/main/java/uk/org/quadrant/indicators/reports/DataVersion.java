package uk.org.quadrant.indicators.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * The version of the data the read models are computed from. Every write that can change a
 * scorecard calls {@link #bump()} inside its own transaction, so a cached scorecard is trusted only
 * while the stored version is the one it was computed at — on every replica, since the counter is
 * in the database.
 */
@Singleton
public class DataVersion {

    private final JdbcOperations jdbc;

    DataVersion(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Call within the writing transaction. */
    public void bump() {
        jdbc.prepareStatement("UPDATE data_version SET version = version + 1 WHERE id = 1", st -> st.executeUpdate());
    }

    public long current() {
        return jdbc.prepareStatement("SELECT version FROM data_version WHERE id = 1", st -> {
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }
}
