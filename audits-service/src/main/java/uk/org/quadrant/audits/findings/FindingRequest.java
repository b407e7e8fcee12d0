package uk.org.quadrant.audits.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;

import java.util.List;

/** A finding: kind, text, themes from the vocabulary, quadrant (default: the audit type's) and agency concerned. */
@Serdeable
public record FindingRequest(@NotNull FindingKind kind,
                             @NotBlank @Size(max = 8000) String text,
                             @Nullable @Size(max = 12) List<@Size(max = 60) String> themes,
                             @Nullable Quadrant quadrant,
                             @Nullable @Size(max = 16) String agency,
                             @Nullable Long version) {
}
