package uk.org.quadrant.audits.themes;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A theme of the controlled vocabulary, e.g. {@code NEGLECT} "Neglect". */
@Serdeable
@MappedEntity("theme")
public record Theme(@Id String code, String label, boolean active) {
}
