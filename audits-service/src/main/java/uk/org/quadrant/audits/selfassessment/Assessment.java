package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One agency's Section 11 self-assessment for one cycle. */
@MappedEntity("s11_assessment")
public record Assessment(@Id @GeneratedValue @Nullable Long id, String agency, String cycle, @Nullable Long carriedFrom,
                         String createdBy, Instant createdAt) {
}
