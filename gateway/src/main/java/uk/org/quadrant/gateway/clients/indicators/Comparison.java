package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an indicator's published figure for one period compares ({@code /api/v1/indicators/{code}/comparison?period=},
 * and each period of {@code .../comparison/series}): the partnership's local authority (with its own local
 * figure), England, its region, its statistical neighbours, its rank among all local authorities with a
 * figure and its quartile band (rank 1 and band A the best for the polarity; lowest first for NEUTRAL),
 * how it stands against each comparator, and where the figures came from. A figure is null where the
 * publisher suppressed it, with the code it wrote instead ({@code c}, {@code x}…) in {@code suppressed}.
 * For a count ({@code comparedOn} {@code "rate"}) each area and neighbour also has its {@code rate} per 10,000
 * children aged 0 to 17, the neighbours their {@code rateMean} and {@code rateMedian}, and the rank, quartile
 * and standing are on those rates; otherwise ({@code "value"}, or absent from an older service) on the figures.
 */
@Serdeable
public record Comparison(String indicator, @Nullable String title, @Nullable String unit, @Nullable String polarity, String period,
                         @Nullable String periodLabel, @Nullable Area la, @Nullable Area england, @Nullable Area region,
                         @Nullable Neighbours neighbours, @Nullable Rank rank, @Nullable String quartile, @Nullable Versus versus,
                         @Nullable Source source, @Nullable String comparedOn) {

    /** Whether the rank, quartile and standing are on the rates per 10,000 children (a count), not on the figures. */
    public boolean byRate() {
        return "rate".equals(comparedOn);
    }

    /** The partnership's authority (with {@code localValue}, its own figure), England or the region. */
    @Serdeable
    public record Area(@Nullable String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                       @Nullable BigDecimal localValue, @Nullable BigDecimal rate) {
    }

    /** The neighbour model and its members' figures, with their mean and median and how many had data (and of their rates, for a count). */
    @Serdeable
    public record Neighbours(@Nullable String model, @Nullable BigDecimal mean, @Nullable BigDecimal median, @Nullable Integer withData,
                             @Nullable List<Member> members, @Nullable BigDecimal rateMean, @Nullable BigDecimal rateMedian,
                             @Nullable Integer rateWithData) {
    }

    /** One statistical neighbour: its code, name, figure, closeness band and (for a count) rate per 10,000 children. */
    @Serdeable
    public record Member(String code, @Nullable String name, @Nullable BigDecimal value, @Nullable String suppressed,
                         @Nullable String closeness, @Nullable BigDecimal rate) {
    }

    /** The rank among all local authorities with a figure ({@code position} null when the partnership's is suppressed). */
    @Serdeable
    public record Rank(@Nullable Integer position, @Nullable Integer of) {
    }

    /** The partnership's figure against England, the region and the neighbours' mean. */
    @Serdeable
    public record Versus(@Nullable Relation england, @Nullable Relation region, @Nullable Relation neighbours) {
    }

    /**
     * {@code relation}: HIGHER, LOWER or SAME (null when either figure is missing); {@code better}: whether
     * that is the good side for the polarity (null for NEUTRAL or SAME).
     */
    @Serdeable
    public record Relation(@Nullable BigDecimal difference, @Nullable String relation, @Nullable Boolean better) {
    }

    /** Where the figures came from: the file or data set version, when and by whom it was imported. */
    @Serdeable
    public record Source(@Nullable String file, @Nullable String dataSetId, @Nullable String dataSetVersion,
                         @Nullable String importedAt, @Nullable String importedBy) {
    }
}
