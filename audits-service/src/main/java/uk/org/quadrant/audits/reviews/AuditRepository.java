package uk.org.quadrant.audits.reviews;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

/**
 * Audits. The visibility rule of {@link AuditAccess#visible} is applied in SQL ({@link #VISIBLE}) so
 * that a list, a page or a count reads only the rows the caller may see, never every audit.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends CrudRepository<Audit, Long> {

    /**
     * {@link AuditAccess#visible} in SQL, on the audit aliased {@code a}: the board sees every audit;
     * an agency the audits it leads or whose comma-separated {@code participating_agencies} hold its
     * code as a whole element. Both sides are wrapped in commas and compared with {@code LOCATE}, not
     * {@code LIKE}, so a code that is a prefix or suffix of another never matches it and no character
     * of the code acts as a wildcard; an empty code (a token without an agency) matches nothing, as
     * {@link Audit#involves} does. Works on H2 (MySQL mode) and MariaDB.
     */
    String VISIBLE = "(:board OR a.lead_agency = :agency OR (:agency <> '' AND "
            + "LOCATE(CONCAT(',', :agency, ','), CONCAT(',', a.participating_agencies, ',')) > 0))";

    /** Every audit the caller may see, newest reporting period first. */
    @Query("SELECT a.* FROM audit a WHERE " + VISIBLE + " ORDER BY a.period_end DESC, a.id DESC")
    List<Audit> visibleNewestFirst(boolean board, String agency);

    /** One page of {@link #visibleNewestFirst}: {@code rows} audits after skipping {@code skip}. */
    @Query("SELECT a.* FROM audit a WHERE " + VISIBLE + " ORDER BY a.period_end DESC, a.id DESC LIMIT :rows OFFSET :skip")
    List<Audit> visiblePageNewestFirst(boolean board, String agency, int rows, long skip);

    /** How many audits the caller may see (the length of {@link #visibleNewestFirst}). */
    @Query("SELECT COUNT(*) FROM audit a WHERE " + VISIBLE)
    long countVisible(boolean board, String agency);

    /**
     * The audits the caller may see whose reporting period overlaps [from, to], most recently changed
     * first, at most {@code rows} of them.
     */
    @Query("SELECT a.* FROM audit a WHERE a.period_end >= :from AND a.period_start <= :to AND " + VISIBLE
            + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :rows")
    List<Audit> visibleRecentlyChanged(LocalDate from, LocalDate to, boolean board, String agency, int rows);

    /** {@link #visibleRecentlyChanged} of the audits {@code involving} leads or takes part in (the same whole-code match). */
    @Query("SELECT a.* FROM audit a WHERE a.period_end >= :from AND a.period_start <= :to AND " + VISIBLE
            + " AND (a.lead_agency = :involving OR LOCATE(CONCAT(',', :involving, ','), CONCAT(',', a.participating_agencies, ',')) > 0)"
            + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :rows")
    List<Audit> visibleRecentlyChangedInvolving(LocalDate from, LocalDate to, boolean board, String agency, String involving, int rows);

    /**
     * How many records {@code agency} has in the audit: its case views, the findings concerning it and
     * the findings its users recorded (the agency of a finding's CREATE entry in the change log).
     */
    @Query("SELECT (SELECT COUNT(*) FROM audit_case c WHERE c.audit_id = :auditId AND c.agency = :agency)"
            + " + (SELECT COUNT(*) FROM finding f WHERE f.audit_id = :auditId AND (f.agency = :agency OR EXISTS ("
            + "SELECT 1 FROM change_log l WHERE l.entity_type = 'finding' AND l.entity_id = CONCAT(f.id, '') AND l.action = 'CREATE'"
            + " AND l.changed_by_agency = :agency)))")
    long countRecordsOf(long auditId, String agency);

    /** Audits the caller may see whose reporting period overlaps [from, to]. */
    @Query("SELECT a.* FROM audit a WHERE a.period_end >= :from AND a.period_start <= :to AND " + VISIBLE + " ORDER BY a.id")
    List<Audit> visibleOverlapping(LocalDate from, LocalDate to, boolean board, String agency);
}
