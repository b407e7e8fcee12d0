package uk.org.quadrant.audits.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;

import java.time.LocalDate;
import java.util.List;

/**
 * One theme with every source (audit, review, survey) that raised it and each of that source's
 * findings carrying it: theme → sources → findings, so a page can show the whole trail in one call
 * rather than asking once per theme or per audit.
 */
@Serdeable
public record ThemeEvidence(String theme, String label, int findings, int sources, List<Source> bySource) {

    /** A source of findings and the findings it raised under the theme. */
    @Serdeable
    public record Source(long auditId, String title, AuditType type, String leadAgency, LocalDate periodStart,
                         LocalDate periodEnd, List<Line> findings) {
    }

    /** One finding's text, as recorded. */
    @Serdeable
    public record Line(long findingId, FindingKind kind, Quadrant quadrant, @Nullable String agency, String text) {
    }
}
