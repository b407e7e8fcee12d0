package uk.org.quadrant.audits.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.reviews.AuditAccess;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The theme analysis's reads: the findings it counts <em>without their text</em> (the
 * {@code finding_text} column is a LOB on H2, and reading 50,000 of them to show three examples per
 * theme cost seconds on a cache miss: docs/performance.md), then the text of the few examples by id.
 */
@Singleton
class ThemeFindings {

    /** A finding as the analysis counts it, with what it needs of the finding's audit; no text. */
    record Fact(long id, long auditId, FindingKind kind, Quadrant quadrant, @Nullable String agency, String themes,
                String auditTitle, AuditType auditType, String auditLead) {

        List<String> themeList() {
            return Arrays.stream(themes.split(",")).filter(t -> !t.isBlank()).toList();
        }

        /** The agency the finding concerns: its own agency, else its audit's lead agency. */
        String concerns() {
            return agency != null ? agency : auditLead;
        }
    }

    /** The findings of the audits the caller may see whose reporting period overlaps [from, to], by id. */
    private static final String FACTS = "SELECT f.id, f.audit_id, f.kind, f.quadrant, f.agency, f.themes, "
            + "a.title, a.audit_type, a.lead_agency FROM finding f JOIN audit a ON a.id = f.audit_id "
            + "WHERE a.period_end >= ? AND a.period_start <= ? AND " + AuditAccess.VISIBLE_JDBC + " ORDER BY f.id";

    private final JdbcOperations jdbc;

    ThemeFindings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One join (not an {@code IN} list of audit ids, which H2 compared row by row), visibility in SQL
     * ({@link AuditAccess#VISIBLE_JDBC}); the text column is not read.
     */
    @Transactional(readOnly = true)
    List<Fact> visibleInPeriod(Caller caller, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(FACTS, (PreparedStatement st) -> {
            st.setDate(1, Date.valueOf(from));
            st.setDate(2, Date.valueOf(to));
            AuditAccess.bindVisible(st, 3, caller);
            List<Fact> out = new ArrayList<>();
            Map<Long, String> titles = new HashMap<>();   // one String per audit, not one per finding
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long auditId = rs.getLong(2);
                    String title = rs.getString(7);
                    String seen = titles.putIfAbsent(auditId, title);
                    title = seen != null ? seen : title;
                    out.add(new Fact(rs.getLong(1), auditId, FindingKind.valueOf(rs.getString(3)),
                            Quadrant.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), title,
                            AuditType.valueOf(rs.getString(8)), rs.getString(9)));
                }
            }
            return out;
        });
    }

    /** The text of each of these findings, by id, in one query (a finding deleted meanwhile is absent). */
    @Transactional(readOnly = true)
    Map<Long, String> texts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Long> list = List.copyOf(ids);
        String sql = "SELECT id, finding_text FROM finding WHERE id IN ("
                + list.stream().map(i -> "?").collect(Collectors.joining(", ")) + ")";
        return jdbc.prepareStatement(sql, (PreparedStatement st) -> {
            for (int i = 0; i < list.size(); i++) {
                st.setLong(i + 1, list.get(i));
            }
            Map<Long, String> out = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
