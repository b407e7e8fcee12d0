package uk.org.quadrant.indicators.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Body of submit / approve / return / reopen: whose value, the version read, and a reason where one is needed. */
@Serdeable
public record ActionRequest(@Nullable @Size(max = 16) String agency, @Nullable Long version,
                            @Nullable @Size(max = 4000) String reason) {

    public static final ActionRequest EMPTY = new ActionRequest(null, null, null);
}
