package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A grading scale: its grades best first and the lowest grade that meets the standard. */
@Serdeable
public record GradingScale(String code, String name, @Nullable List<String> grades, @Nullable String standardGrade) {
}
