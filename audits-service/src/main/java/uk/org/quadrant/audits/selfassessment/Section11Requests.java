package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the Section 11 API. */
public final class Section11Requests {

    private Section11Requests() {
    }

    /** Start an agency's self-assessment for a cycle (e.g. 2018April); last cycle's ratings carry forward. */
    @Serdeable
    public record Start(@Nullable @Size(max = 16) String agency,
                        @NotBlank @Pattern(regexp = "\\d{4}April", message = "must be a financial year such as 2018April") String cycle) {
    }

    @Serdeable
    public record Rate(@NotBlank @Pattern(regexp = "GREEN|AMBER|RED", message = "must be GREEN, AMBER or RED") String rag,
                       @Nullable @Size(max = 8000) String evidence, @Nullable Long version) {
    }

    /** A Section 11 standard, new or changed (board manager). */
    @Serdeable
    public record DefineStandard(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits and hyphens") String code,
                                 @NotBlank @Size(max = 300) String title,
                                 @Nullable @Size(max = 4000) String description,
                                 @Nullable @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100) Integer ordinal,
                                 @Nullable Boolean active) {
    }

    @Serdeable
    public record Challenge(@NotBlank @Size(max = 4000) String comment) {
    }
}
