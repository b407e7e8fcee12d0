package uk.org.quadrant.indicators.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.ValueStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** A value as clients see it. */
@Serdeable
public record ValueView(
        String indicatorCode,
        String period,
        String periodLabel,
        String agency,
        BigDecimal value,
        @Nullable BigDecimal numerator,
        @Nullable BigDecimal denominator,
        @Nullable String comment,
        ValueStatus status,
        @Nullable String returnReason,
        boolean outlier,
        @Nullable String submittedBy,
        @Nullable Instant submittedAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        String updatedBy,
        Instant updatedAt,
        Long version) {

    public static ValueView of(IndicatorValue v) {
        return new ValueView(v.indicatorCode(), v.period(), Period.parse(v.period()).map(Period::label).orElse(v.period()),
                v.agencyCode(), Rates.clean(v.amount()), Rates.clean(v.numerator()), Rates.clean(v.denominator()), v.commentary(), v.status(),
                v.returnReason(), v.outlier(), v.submittedBy(), v.submittedAt(), v.approvedBy(), v.approvedAt(),
                v.updatedBy(), v.updatedAt(), v.version());
    }

}
