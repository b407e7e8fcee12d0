package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary.Line;
import uk.org.quadrant.gateway.clients.indicators.Comparison;
import uk.org.quadrant.gateway.clients.indicators.Place;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code /benchmarks} table: one row per mapped indicator at its latest published period, in words,
 * sorted by the column the user chose ({@code ?sort=}); the page and its CSV download share it.
 */
public final class BenchmarkRows {

    /** The columns the table sorts by; the first is the default. */
    public enum Sort {
        INDICATOR("indicator", "Indicator"),
        RANK("rank", "Rank"),
        QUARTILE("quartile", "Quartile"),
        ENGLAND("england", "Against England"),
        NEIGHBOURS("neighbours", "Against neighbours' mean");

        private final String param;
        private final String label;

        Sort(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }

        /** The sort named by the query parameter; anything else the default. */
        public static Sort of(@Nullable String param) {
            String p = param == null ? "" : param.trim().toLowerCase(Locale.ROOT);
            for (Sort s : values()) {
                if (s.param.equals(p)) {
                    return s;
                }
            }
            return INDICATOR;
        }
    }

    /**
     * One mapped indicator in words (public: templates read it); the raw fields are for sorting and the CSV. For a
     * count ({@code comparedOn} "rate") the figures' texts carry the rates per 10,000 children the rank and standing
     * are on ("800 (51 per 10,000 children)"), and the rate fields hold them.
     */
    public record Row(String code, String title, String period, String periodLabel, String figure, @Nullable BigDecimal value,
                      @Nullable String suppressed, @Nullable BigDecimal localValue, @Nullable BigDecimal england,
                      @Nullable BigDecimal region, @Nullable BigDecimal neighboursMean, String englandText,
                      String neighboursMeanText, String againstEngland, String againstNeighbours, String rankText,
                      @Nullable Integer rankPosition, @Nullable Integer rankOf, @Nullable String quartile, String quartileText,
                      @Nullable String targetFrom, String targetFromText, int englandOrder, int neighboursOrder,
                      @Nullable String comparedOn, @Nullable BigDecimal rate, @Nullable BigDecimal englandRate,
                      @Nullable BigDecimal regionRate, @Nullable BigDecimal neighboursRateMean) {

        public boolean imported() {
            return !period.isEmpty();
        }
    }

    private BenchmarkRows() {
    }

    public static List<Row> of(@Nullable BenchmarkSummary summary, Sort sort) {
        List<Line> lines = summary == null || summary.indicators() == null ? List.of()
                : summary.indicators().stream().filter(Objects::nonNull).toList();
        return lines.stream().map(BenchmarkRows::row).sorted(order(sort)).toList();
    }

    static Row row(Line l) {
        String period = l.period() == null ? "" : l.period();
        String periodLabel = l.periodLabel() != null ? l.periodLabel() : period.isEmpty() ? "Nothing imported yet" : ReportingPeriod.labelOf(period);
        String unit = ComparisonWording.unitSuffix(l.unit());
        boolean none = period.isEmpty();
        boolean byRate = l.byRate();
        String figure = none ? "No figure" : byRate ? ComparisonWording.countAndRate(l.value(), l.suppressed(), l.rate())
                : ComparisonWording.figure(l.value(), l.suppressed()) + (l.value() == null ? "" : unit);
        Comparison.Versus versus = l.versus();
        Comparison.Relation england = versus == null ? null : versus.england();
        Comparison.Relation neighbours = versus == null ? null : versus.neighbours();
        String targetFromText = ComparisonWording.targetFrom(l.targetFrom());
        // What the standing is on: a count's rates, anything else's figures.
        BigDecimal own = byRate ? l.rate() : l.value();
        BigDecimal englandOn = byRate ? l.englandRate() : l.england();
        BigDecimal neighboursOn = byRate ? l.neighboursRateMean() : l.neighboursMean();
        return new Row(l.indicator(), l.title() == null ? l.indicator() : l.title(), period, periodLabel, figure, l.value(), l.suppressed(),
                l.localValue(), l.england(), l.region(), l.neighboursMean(),
                none ? "No figure" : byRate ? ComparisonWording.countAndRate(l.england(), null, l.englandRate()) : ComparisonWording.figure(l.england(), null),
                none ? "No figure" : byRate ? ComparisonWording.countAndRate(l.neighboursMean(), null, l.neighboursRateMean())
                        : ComparisonWording.figure(l.neighboursMean(), null),
                against(england, own, englandOn, l.polarity()), against(neighbours, own, neighboursOn, l.polarity()),
                none ? "Not ranked" : capitalise(ComparisonWording.rank(l.rank())),
                l.rank() == null ? null : l.rank().position(), l.rank() == null ? null : l.rank().of(),
                l.quartile(), none || l.quartile() == null ? "No quartile" : capitalise(ComparisonWording.quartile(l.quartile(), l.polarity())),
                l.targetFrom(), targetFromText == null ? "Its own targets" : capitalise(targetFromText),
                order(england, own, englandOn, l.polarity()), order(neighbours, own, neighboursOn, l.polarity()),
                l.comparedOn(), l.rate(), l.englandRate(), l.regionRate(), l.neighboursRateMean());
    }

    /** The service's standing in words ("Lower (better)"); from the figures when it gave none. */
    static String against(@Nullable Comparison.Relation r, @Nullable BigDecimal own, @Nullable BigDecimal other, @Nullable String polarity) {
        if (r == null || r.relation() == null) {
            return ComparisonWording.against(own, other, polarity);
        }
        String word = switch (r.relation()) {
            case "HIGHER" -> "Higher";
            case "LOWER" -> "Lower";
            case "SAME" -> "The same";
            default -> capitalise(r.relation().toLowerCase(Locale.ROOT));
        };
        if (r.better() == null || "SAME".equals(r.relation())) {
            return word;
        }
        return word + (r.better() ? " (better)" : " (worse)");
    }

    /** Better first, then the same, then worse (or a context measure's higher or lower), then no figure. */
    static int order(@Nullable Comparison.Relation r, @Nullable BigDecimal own, @Nullable BigDecimal other, @Nullable String polarity) {
        String text = against(r, own, other, polarity);
        if (text.endsWith("(better)")) {
            return 0;
        }
        if (text.equals("The same")) {
            return 1;
        }
        if (text.endsWith("(worse)")) {
            return 3;
        }
        return text.startsWith("No figure") ? 4 : 2;
    }

    static Comparator<Row> order(Sort sort) {
        Comparator<Row> byTitle = Comparator.comparing((Row r) -> r.title().toLowerCase(Locale.ROOT)).thenComparing(Row::code);
        return switch (sort) {
            case INDICATOR -> byTitle;
            case RANK -> Comparator.comparing((Row r) -> r.rankPosition() == null ? Integer.MAX_VALUE : r.rankPosition()).thenComparing(byTitle);
            case QUARTILE -> Comparator.comparing((Row r) -> r.quartile() == null ? "Z" : r.quartile()).thenComparing(byTitle);
            case ENGLAND -> Comparator.comparingInt(Row::englandOrder).thenComparing(byTitle);
            case NEIGHBOURS -> Comparator.comparingInt(Row::neighboursOrder).thenComparing(byTitle);
        };
    }

    /** "Compared as Oxfordshire (931), South East, with its 10 statistical neighbours (2025 model)." */
    public static String placeText(@Nullable Place place) {
        if (place == null || place.laCode() == null) {
            return "The partnership's local authority has not been set.";
        }
        String la = (place.laName() == null ? "local authority" : place.laName()) + " (" + place.laCode() + ")";
        String region = place.regionName() == null ? "" : ", " + place.regionName();
        String model = place.neighbourModel() == null ? "" : " (" + place.neighbourModel() + " model)";
        return "Compared as " + la + region + ", with its statistical neighbours" + model + ".";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
