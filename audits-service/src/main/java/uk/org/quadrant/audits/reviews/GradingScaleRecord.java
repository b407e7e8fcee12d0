package uk.org.quadrant.audits.reviews;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.org.quadrant.audits.domain.GradingScale;

import java.util.Arrays;

/** A stored grading scale (Ofsted, early help, or one the board defines). */
@MappedEntity("grading_scale")
public record GradingScaleRecord(@Id String code, String name, String grades, String standardGrade) {

    public GradingScale scale() {
        return new GradingScale(code, name, Arrays.stream(grades.split(",")).map(String::trim).toList(), standardGrade);
    }
}
