package uk.org.quadrant.audits.findings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.org.quadrant.audits.reviews.AuditRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FindingRepository extends CrudRepository<Finding, Long> {

    @Query("SELECT * FROM finding WHERE audit_id = :auditId ORDER BY id")
    List<Finding> inAudit(long auditId);

    /**
     * The findings of every audit the caller may see ({@link AuditRepository#VISIBLE}) whose reporting
     * period overlaps [from, to], by a join: an {@code IN} list of thousands of audit ids made H2
     * compare every finding with every id (docs/performance.md, "Theme analysis and grades across
     * audits"). The optional filters narrow what is read (with its text) in SQL; a flag {@code any…}
     * set means "no filter" and its value is then ignored. The theme is matched as a whole element of
     * the comma-separated {@code themes}, as {@link AuditRepository#VISIBLE} matches an agency.
     *
     * @param concerning the agency the finding concerns: its own, else its audit's lead agency
     */
    @Query("SELECT f.* FROM finding f JOIN audit a ON a.id = f.audit_id "
            + "WHERE a.period_end >= :from AND a.period_start <= :to AND " + AuditRepository.VISIBLE
            + " AND (:anyQuadrant OR f.quadrant = :quadrant)"
            + " AND (:anyAgency OR COALESCE(f.agency, a.lead_agency) = :concerning)"
            + " AND (:anyTheme OR LOCATE(CONCAT(',', :theme, ','), CONCAT(',', f.themes, ',')) > 0)"
            + " ORDER BY f.id")
    List<Finding> visibleInAuditsOverlapping(java.time.LocalDate from, java.time.LocalDate to, boolean board, String agency,
                                             boolean anyQuadrant, String quadrant, boolean anyAgency, String concerning,
                                             boolean anyTheme, String theme);
}
