package uk.org.quadrant.actions.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.actions.domain.ActionStatus;

import java.time.LocalDate;

/**
 * {@code {"narrative","difference","status","version"}}: progress, what difference it has made, the
 * action's status after it, and the action's version as read (409 if someone changed it since).
 */
@Serdeable
public record UpdateRequest(@NotBlank @Size(max = 8000) String narrative,
                            @Nullable @Size(max = 8000) String difference,
                            @Nullable ActionStatus status,
                            @Nullable Long version,
                            @Nullable LocalDate date,
                            @Nullable @Size(max = 200) String authorRole,
                            @Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String evidenceLink) {
}
