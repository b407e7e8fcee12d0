package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One theme across the findings: how many, from how many sources, and whether it repeats. */
@Serdeable
public record ThemeAnalysis(String theme, String label, int findings, int sources, @Nullable List<String> sourceTypes,
                            @Nullable List<String> quadrants, boolean repeated, @Nullable List<Example> examples) {

    /** One finding quoted as an example. */
    @Serdeable
    public record Example(long findingId, long auditId, @Nullable String auditTitle, String kind, String text) {
    }
}
