package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A theme of the partnership's vocabulary. */
@Serdeable
public record Theme(String code, String label, @Nullable Boolean active) {
}
