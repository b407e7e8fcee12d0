package uk.org.quadrant.indicators.versions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.common.problem.UniqueKeyViolation;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versions cached scorecards are checked against, per owner agency and per {@link View}
 * (table {@code scorecard_version}, Flyway V4). Below both the writers (catalogue, targets, values,
 * imports), which bump them, and {@code reports}, which reads them.
 *
 * <p>A scorecard row shows the values of the indicator's <em>owner agency</em> only
 * ({@code reports.LatestValues}), and which of them a caller sees is decided by {@code values.ValueVisibility}: the
 * owner agency sees all of its values, the board all but drafts, any other agency only approved
 * values of published indicators. So the part of a scorecard that comes from agency X's indicators
 * depends on X's indicator definitions and reference figures and on X's values as one of three
 * views sees them, and nothing else. Each write records which (agency, view) pairs it changed and
 * {@link #bump} increments exactly those counters as the last statement of its transaction: an
 * agency editing a draft changes only its own view, so the board's and the other agencies'
 * scorecards stay cached, and nothing of another agency is recomputed; writers of different
 * agencies no longer queue on one row.
 */
@Singleton
public class ScorecardVersions {

    /** The three ways of seeing one owner agency's values. */
    public enum View {
        /** The owner agency itself: every status. */
        OWN,
        /** Board roles: every status but DRAFT. */
        BOARD,
        /** Any other agency: APPROVED values of published indicators. */
        PUBLIC;

        /** How this caller sees the values of indicators this agency owns. */
        public static View of(Caller caller, String ownerAgency) {
            if (caller.agency().equals(ownerAgency)) {
                return OWN;
            }
            return caller.isBoard() ? BOARD : PUBLIC;
        }

        /** The views that see an agency's value in this status (none for no value). */
        static EnumSet<View> seeing(@Nullable ValueStatus status) {
            EnumSet<View> views = EnumSet.noneOf(View.class);
            if (status == null) {
                return views;
            }
            views.add(OWN);
            if (status != ValueStatus.DRAFT) {
                views.add(BOARD);
            }
            if (status == ValueStatus.APPROVED) {
                views.add(PUBLIC);
            }
            return views;
        }
    }

    /** What one transaction changed, collected while it writes and bumped once at its end. */
    public static final class Changes {

        /** Sorted, so every transaction locks the rows in the same order. */
        private final Map<String, EnumSet<View>> byAgency = new TreeMap<>();

        /** Everything shown for this agency's indicators (a definition, a reference figure). */
        public Changes everything(String ownerAgency) {
            byAgency.computeIfAbsent(ownerAgency, a -> EnumSet.noneOf(View.class)).addAll(EnumSet.allOf(View.class));
            return this;
        }

        /**
         * A value of {@code agency} went from {@code before} (null: new) to {@code after}: the
         * counters of that agency's values for the views that saw either state.
         *
         * <p>Deliberately not narrowed by the indicator's owner or its published flag, though a
         * scorecard shows only owners' values, and other agencies only published ones: both are read
         * without a lock when the write starts, and a definition change committed meanwhile (the
         * indicator given to this agency, or published) would otherwise leave this write unbumped
         * after a reader had already recomputed at the definition's bump. So a value an agency enters
         * for another agency's indicator costs that agency's own cached segments a recomputation
         * (and nothing of the owner's), an approval of an unpublished indicator's value the PUBLIC ones.
         */
        public Changes value(String agency, @Nullable ValueStatus before, ValueStatus after) {
            EnumSet<View> views = View.seeing(before);
            views.addAll(View.seeing(after));
            byAgency.computeIfAbsent(agency, a -> EnumSet.noneOf(View.class)).addAll(views);
            return this;
        }
    }

    /** The counters read at one moment: agency → {own, board, public}. */
    public record Snapshot(Map<String, long[]> byAgency) {

        public long of(String agency, View view) {
            long[] v = byAgency.get(agency);
            return v == null ? 0 : v[view.ordinal()];
        }

        /** What the caller's scorecard of these owner agencies (all known ones if null) depends on. */
        public Map<String, Long> stamp(Caller caller, @Nullable String agency) {
            Map<String, Long> stamp = new TreeMap<>();
            Collection<String> agencies = agency == null ? byAgency.keySet() : Set.of(agency);
            for (String a : agencies) {
                stamp.put(a, of(a, View.of(caller, a)));
            }
            return stamp;
        }
    }

    private static final String UPDATE = """
            UPDATE scorecard_version SET own_version = own_version + ?, board_version = board_version + ?,
                   public_version = public_version + ?
            WHERE agency_code = ?""";
    private static final String INSERT = """
            INSERT INTO scorecard_version (agency_code, own_version, board_version, public_version) VALUES (?, ?, ?, ?)""";

    private final JdbcOperations jdbc;

    ScorecardVersions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public static Changes changes() {
        return new Changes();
    }

    /**
     * Increments the counters of what {@code changes} names. Call within the writing transaction,
     * as its last statement: the row stays locked until the commit, so the later, the shorter.
     */
    public void bump(Changes changes) {
        changes.byAgency.forEach((agency, views) -> {
            int own = views.contains(View.OWN) ? 1 : 0;
            int board = views.contains(View.BOARD) ? 1 : 0;
            int pub = views.contains(View.PUBLIC) ? 1 : 0;
            if (update(agency, own, board, pub) == 0) {
                // An owner agency without a row yet (not among the migration's codes): its first write creates it.
                try {
                    jdbc.prepareStatement(INSERT, st -> {
                        st.setString(1, agency);
                        st.setLong(2, own);
                        st.setLong(3, board);
                        st.setLong(4, pub);
                        return st.executeUpdate();
                    });
                } catch (DataAccessException e) {
                    if (!UniqueKeyViolation.isCause(e)) {
                        throw e;
                    }
                    update(agency, own, board, pub);
                }
            }
        });
    }

    private int update(String agency, int own, int board, int pub) {
        return jdbc.prepareStatement(UPDATE, st -> {
            st.setInt(1, own);
            st.setInt(2, board);
            st.setInt(3, pub);
            st.setString(4, agency);
            return st.executeUpdate();
        });
    }

    /** Every agency's counters, in one read of a table of one row per agency. */
    public Snapshot current() {
        return jdbc.prepareStatement("SELECT agency_code, own_version, board_version, public_version FROM scorecard_version", st -> {
            Map<String, long[]> out = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            return new Snapshot(out);
        });
    }
}
