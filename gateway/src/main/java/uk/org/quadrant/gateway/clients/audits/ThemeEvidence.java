package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One theme's findings, source by source. */
@Serdeable
public record ThemeEvidence(String theme, String label, int findings, int sources, @Nullable List<Source> bySource) {

    /** An audit or review that found the theme. */
    @Serdeable
    public record Source(long auditId, String title, String type, String leadAgency, @Nullable String periodStart,
                         @Nullable String periodEnd, @Nullable List<Line> findings) {
    }

    /** One finding of the source. */
    @Serdeable
    public record Line(long findingId, String kind, String quadrant, @Nullable String agency, String text) {
    }
}
