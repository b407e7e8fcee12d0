package uk.org.quadrant.audits.themes;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new theme for the vocabulary (board manager). */
@Serdeable
public record ThemeRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits and underscores") String code,
        @NotBlank @Size(max = 200) String label) {
}
