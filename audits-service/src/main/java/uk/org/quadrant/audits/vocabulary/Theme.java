package uk.org.quadrant.audits.vocabulary;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A theme of the controlled vocabulary findings are tagged with (managed by {@code themes.ThemeController}), e.g. {@code NEGLECT} "Neglect". */
@Serdeable
@MappedEntity("theme")
public record Theme(@Id String code, String label, boolean active) {
}
