package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Unit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How the partnership compares for one indicator and period (the contract of issue 16): its published
 * figure and its own local one, England, its region, its statistical neighbours, its rank among all
 * local authorities with a figure and its quartile band (rank 1 and band A the best for the
 * indicator's polarity; lowest first for NEUTRAL), and where the figures came from. A {@code value} is
 * null where the publisher suppressed it, with the code it wrote in {@code suppressed}.
 */
@Serdeable
public record Comparison(String indicator, String title, Unit unit, Polarity polarity, String period, String periodLabel,
                         La la, Area england, Area region, Neighbours neighbours, Rank rank, @Nullable String quartile,
                         Versus versus, @Nullable Source source) {

    /** The partnership's authority: the published figure and the partnership's own (its indicator's value). */
    @Serdeable
    public record La(String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                     @Nullable BigDecimal localValue, @Nullable String localStatus) {
    }

    @Serdeable
    public record Area(@Nullable String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed) {
    }

    @Serdeable
    public record Neighbours(String model, @Nullable BigDecimal mean, @Nullable BigDecimal median, int withData, List<Member> members) {
    }

    @Serdeable
    public record Member(String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                         @Nullable String closeness) {
    }

    /** {@code position} is null when the partnership's figure is suppressed; {@code of}: authorities with a figure. */
    @Serdeable
    public record Rank(@Nullable Integer position, int of) {
    }

    /** The partnership's published figure against each comparator. */
    @Serdeable
    public record Versus(Relation england, Relation region, Relation neighbours) {
    }

    /**
     * {@code relation}: HIGHER, LOWER or SAME (null when either figure is missing); {@code better}: whether
     * that is the good side for the polarity (null for NEUTRAL or SAME).
     */
    @Serdeable
    public record Relation(@Nullable BigDecimal difference, @Nullable String relation, @Nullable Boolean better) {
    }

    @Serdeable
    public record Source(long importId, @Nullable String file, @Nullable String dataSetId, @Nullable String dataSetVersion,
                         Instant importedAt, String importedBy) {
    }
}
