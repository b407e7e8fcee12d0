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
 * <p>
 * For a count ({@link Unit#COUNT}) every area also carries its {@code rate} per 10,000 children aged 0 to
 * 17 (the count over the ONS mid-year estimate of the area for the period's population year, rounded to a
 * whole number as the publisher rounds its rates; null where the count is suppressed or there is no
 * population), and the rank, quartile, {@code versus} and the neighbours' {@code rateMean}/{@code rateMedian}
 * are on those rates: a count of children is no measure of how an authority compares with others of other
 * sizes. {@code comparedOn} says which: {@code "rate"} for a count, {@code "value"} (the published figure
 * itself: a rate, a percentage, days) otherwise. {@code value}, {@code mean} and {@code median} keep their
 * meaning (the published figures) either way.
 */
@Serdeable
public record Comparison(String indicator, String title, Unit unit, Polarity polarity, String period, String periodLabel,
                         La la, Area england, Area region, Neighbours neighbours, Rank rank, @Nullable String quartile,
                         Versus versus, @Nullable Source source, String comparedOn) {

    /** The rank, quartile and standing are on the published figures. */
    public static final String ON_VALUE = "value";
    /** The rank, quartile and standing are on the rates per 10,000 children worked out from the published counts. */
    public static final String ON_RATE = "rate";

    /** The partnership's authority: the published figure and the partnership's own (its indicator's value). */
    @Serdeable
    public record La(String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                     @Nullable BigDecimal localValue, @Nullable String localStatus, @Nullable BigDecimal rate) {
    }

    @Serdeable
    public record Area(@Nullable String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                       @Nullable BigDecimal rate) {
    }

    /** {@code mean}, {@code median}, {@code withData}: of the published figures; {@code rate…}: of the rates (a count's only, else null). */
    @Serdeable
    public record Neighbours(String model, @Nullable BigDecimal mean, @Nullable BigDecimal median, int withData, List<Member> members,
                             @Nullable BigDecimal rateMean, @Nullable BigDecimal rateMedian, @Nullable Integer rateWithData) {
    }

    @Serdeable
    public record Member(String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                         @Nullable String closeness, @Nullable BigDecimal rate) {
    }

    /** {@code position} is null when the partnership's figure (or rate) is missing; {@code of}: authorities with one. */
    @Serdeable
    public record Rank(@Nullable Integer position, int of) {
    }

    /** The partnership's published figure (a count's rate) against each comparator's. */
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
