package uk.org.quadrant.audits.themes;

import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;

import java.util.List;

/** One ranked theme of the analysis. */
@Serdeable
public record ThemeAnalysisRow(String theme, String label, int findings, int sources, List<AuditType> sourceTypes,
                               List<Quadrant> quadrants, boolean repeated, List<Example> examples) {

    @Serdeable
    public record Example(long findingId, long auditId, String auditTitle, FindingKind kind, String text) {
    }
}
