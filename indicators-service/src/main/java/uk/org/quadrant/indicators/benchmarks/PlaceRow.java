package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The stored place (table {@code benchmark_place}, one row with id 1). */
@MappedEntity("benchmark_place")
record PlaceRow(@Id Integer id, String laCode, String neighbourModel, long version, String updatedBy, Instant updatedAt) {
}
