package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.indicators.Comparison;
import uk.org.quadrant.gateway.clients.indicators.Comparison.Area;
import uk.org.quadrant.gateway.clients.indicators.Comparison.Member;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A comparison from indicators-service in words, the same on every page that shows one (the indicator
 * page, {@code /benchmarks}, the board's exceptions and the annual report): figures, "not published (c)"
 * for a suppressed one, above or below England and the neighbours' mean, the place among the neighbours
 * and the quartile band. Polarity only decides what "better" means and the order of a rank; the service
 * computed the rank and the band. A count ({@link Comparison#byRate()}) is compared by its rate per 10,000
 * children, as the service ranked it: the words show the count and the rate, and set the rates side by side.
 */
public final class ComparisonWording {

    private ComparisonWording() {
    }

    /** A figure as the pages show it: the number, or "not published (c)" with the publisher's code. */
    public static String figure(@Nullable BigDecimal value, @Nullable String suppressed) {
        if (value != null) {
            return plain(value);
        }
        return suppressed == null || suppressed.isBlank() ? "no figure" : "not published (" + suppressed + ")";
    }

    public static String figure(@Nullable Area area) {
        return area == null ? "no figure" : figure(area.value(), area.suppressed());
    }

    /** "per 10,000 children", "%", " days" after a figure; nothing after a count. */
    static String unitSuffix(@Nullable String unit) {
        return switch (unit == null ? "" : unit) {
            case "RATE_PER_10K" -> " per 10,000 children";
            case "PERCENT" -> "%";
            case "DAYS" -> " days";
            default -> "";
        };
    }

    /** -1, 0 or 1: the first figure below, equal to or above the second; null when either is missing. */
    @Nullable
    static Integer compare(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || b == null ? null : Integer.signum(a.compareTo(b));
    }

    /** "below England", "above the neighbours' mean", "the same as England". */
    static String position(int cmp, String what) {
        return (cmp < 0 ? "below " : cmp > 0 ? "above " : "the same as ") + what;
    }

    /**
     * Against one benchmark for a table cell: "Lower (better)", "Higher (worse)", "The same"; "No figure"
     * when either figure is missing. For a context measure (neutral polarity) only "Lower" or "Higher".
     */
    public static String against(@Nullable BigDecimal own, @Nullable BigDecimal benchmark, @Nullable String polarity) {
        Integer cmp = compare(own, benchmark);
        if (cmp == null) {
            return "No figure to compare";
        }
        if (cmp == 0) {
            return "The same";
        }
        String word = cmp < 0 ? "Lower" : "Higher";
        String judgement = judgement(cmp, polarity);
        return judgement == null ? word : word + " (" + judgement + ")";
    }

    /** "better" or "worse" for the indicator's polarity; null for a context measure. */
    @Nullable
    static String judgement(int cmp, @Nullable String polarity) {
        if ("LOWER_IS_BETTER".equals(polarity)) {
            return cmp < 0 ? "better" : "worse";
        }
        if ("HIGHER_IS_BETTER".equals(polarity)) {
            return cmp > 0 ? "better" : "worse";
        }
        return null;
    }

    /**
     * Where the partnership stands among itself and its neighbours with data (1 the best for the
     * polarity; a context measure from lowest to highest): {position, of}; null without its own figure.
     */
    @Nullable
    static int[] placeAmongNeighbours(Comparison c, @Nullable String polarity) {
        BigDecimal own = compared(c.la(), c);
        if (own == null) {
            return null;
        }
        List<BigDecimal> others = members(c).stream().map(m -> c.byRate() ? m.rate() : m.value()).filter(Objects::nonNull).toList();
        boolean higherBetter = "HIGHER_IS_BETTER".equals(polarity);
        int ahead = (int) others.stream().filter(v -> higherBetter ? v.compareTo(own) > 0 : v.compareTo(own) < 0).count();
        return new int[]{ahead + 1, others.size() + 1};
    }

    /** The figure an area is compared on: its rate per 10,000 children for a count, else its published figure. */
    @Nullable
    static BigDecimal compared(@Nullable Area area, Comparison c) {
        return area == null ? null : c.byRate() ? area.rate() : area.value();
    }

    /** The neighbours' mean the partnership is set against: of their rates for a count, else of their figures. */
    @Nullable
    static BigDecimal neighboursMean(Comparison c) {
        return c.neighbours() == null ? null : c.byRate() ? c.neighbours().rateMean() : c.neighbours().mean();
    }

    /** A rate per 10,000 children as the pages show it: "51 per 10,000 children", or "no rate" without a population. */
    public static String rate(@Nullable BigDecimal rate) {
        return rate == null ? "no rate" : plain(rate) + " per 10,000 children";
    }

    /** A count with its rate, as the pages show a count's figure: "800 (51 per 10,000 children)", "not published (c)". */
    public static String countAndRate(@Nullable BigDecimal value, @Nullable String suppressed, @Nullable BigDecimal rate) {
        String figure = figure(value, suppressed);
        return value == null ? figure : figure + " (" + rate(rate) + ")";
    }

    static List<Member> members(Comparison c) {
        return c.neighbours() == null || c.neighbours().members() == null ? List.of()
                : c.neighbours().members().stream().filter(Objects::nonNull).toList();
    }

    /** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** The quartile band in words: "quartile A (the best quarter of local authorities)". */
    public static String quartile(@Nullable String band, @Nullable String polarity) {
        if (band == null || band.isBlank()) {
            return "no quartile";
        }
        boolean neutral = !"LOWER_IS_BETTER".equals(polarity) && !"HIGHER_IS_BETTER".equals(polarity);
        String words = switch (band) {
            case "A" -> neutral ? "the lowest quarter" : "the best quarter";
            case "B" -> neutral ? "the second lowest quarter" : "the second best quarter";
            case "C" -> neutral ? "the second highest quarter" : "the second worst quarter";
            case "D" -> neutral ? "the highest quarter" : "the worst quarter";
            default -> null;
        };
        return words == null ? "quartile " + band : "quartile " + band + " (" + words + " of local authorities)";
    }

    /** "12th of 152 local authorities", or "not ranked". */
    public static String rank(@Nullable Comparison.Rank rank) {
        if (rank == null || rank.position() == null || rank.of() == null) {
            return "not ranked";
        }
        return ordinal(rank.position()) + " of " + rank.of() + " local authorities";
    }

    /**
     * The plain-English sentence under the comparison: "51 per 10,000 children in 2024/25: below England
     * and the neighbours' mean; 3rd of 11 with its neighbours; quartile A (the best quarter of local authorities)."
     * For a count, the count and its rate, compared by the rate: "800 children looked after in 2024/25, 51 per
     * 10,000 children: below England and the neighbours' mean; …" (what is counted: the indicator's title).
     */
    public static String sentence(Comparison c, @Nullable String unit, @Nullable String polarity) {
        String period = periodLabel(c);
        Area la = c.la();
        if (la == null || la.value() == null) {
            return "The published figure for " + period + " is " + figure(la) + ", so it cannot be compared.";
        }
        StringBuilder s = new StringBuilder(plain(la.value()));
        if (c.byRate()) {
            s.append(counted(c.title())).append(" in ").append(period).append(", ")
                    .append(la.rate() == null ? "no rate per 10,000 children (no population to divide by)" : rate(la.rate()));
        } else {
            s.append(unitSuffix(unit)).append(" in ").append(period);
        }
        List<String> clauses = new ArrayList<>();
        BigDecimal own = compared(la, c);
        String against = own == null ? "" : againstBoth(own, c, "England", "the neighbours' mean");
        if (!against.isEmpty()) {
            clauses.add(against);
        }
        int[] place = placeAmongNeighbours(c, polarity);
        if (place != null && place[1] > 1) {
            clauses.add(ordinal(place[0]) + " of " + place[1] + " with its neighbours");
        }
        if (c.quartile() != null) {
            clauses.add(quartile(c.quartile(), polarity));
        }
        if (!clauses.isEmpty()) {
            s.append(": ").append(String.join("; ", clauses));
        }
        return s.append('.').toString();
    }

    /** " children looked after by the local authority" from the title (its first letter lowered unless an acronym's); empty without one. */
    static String counted(@Nullable String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String t = title.strip();
        boolean acronym = t.length() > 1 && Character.isUpperCase(t.charAt(1));
        return " " + (acronym ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1));
    }

    /** The period in words: the service's label, or the gateway's own for the period id. */
    public static String periodLabel(Comparison c) {
        return c.periodLabel() != null && !c.periodLabel().isBlank() ? c.periodLabel() : ReportingPeriod.labelOf(c.period());
    }

    /**
     * "below England and the neighbours' mean", "above England, below the neighbours' mean" ({@code own} and the
     * benchmarks on the same footing: rates for a count); empty when neither benchmark has a figure.
     */
    static String againstBoth(BigDecimal own, Comparison c, String england, String neighbours) {
        Integer e = compare(own, compared(c.england(), c));
        Integer n = compare(own, neighboursMean(c));
        if (e != null && n != null) {
            return e.equals(n) ? position(e, england + " and " + neighbours) : position(e, england) + ", " + position(n, neighbours);
        }
        if (e != null) {
            return position(e, england);
        }
        return n != null ? position(n, neighbours) : "";
    }

    /**
     * How the figure compares for the board and the report: "higher than England and similar
     * authorities", "lower than England, higher than similar authorities"; null without a figure to compare.
     */
    @Nullable
    public static String forBoard(@Nullable BigDecimal own, @Nullable BigDecimal england, @Nullable BigDecimal neighboursMean) {
        Integer e = compare(own, england);
        Integer n = compare(own, neighboursMean);
        if (e == null && n == null) {
            return null;
        }
        if (e != null && n != null) {
            return e.equals(n) ? than(e) + " England and similar authorities" : than(e) + " England, " + than(n) + " similar authorities";
        }
        return e != null ? than(e) + " England" : than(n) + " similar authorities";
    }

    /**
     * {@link #forBoard(BigDecimal, BigDecimal, BigDecimal)} on rates per 10,000 children for a count
     * ({@code rates}: the three figures are rates): "per 10,000 children, lower than England and similar authorities".
     */
    @Nullable
    public static String forBoard(@Nullable BigDecimal own, @Nullable BigDecimal england, @Nullable BigDecimal neighboursMean, boolean rates) {
        String words = forBoard(own, england, neighboursMean);
        return words == null || !rates ? words : "per 10,000 children, " + words;
    }

    private static String than(int cmp) {
        return cmp < 0 ? "lower than" : cmp > 0 ? "higher than" : "the same as";
    }

    /** Where an indicator's RAG target comes from when it is a benchmark: "at or better than the neighbours' mean". */
    @Nullable
    public static String targetFrom(@Nullable String targetFrom) {
        if (targetFrom == null || targetFrom.isBlank()) {
            return null;
        }
        return switch (targetFrom) {
            case "ENGLAND" -> "at or better than England";
            case "REGION" -> "at or better than the region";
            case "NEIGHBOURS_MEAN" -> "at or better than the neighbours' mean";
            case "NEIGHBOURS_MEDIAN" -> "at or better than the neighbours' median";
            default -> "from a benchmark (" + targetFrom.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        };
    }

    /**
     * {@link #targetFrom(String)} for a count, whose target is the count at the benchmark's rate: "at or better than
     * the neighbours' mean of 48 per 10,000 children"; as {@link #targetFrom(String)} without a rate.
     */
    @Nullable
    public static String targetFrom(@Nullable String targetFrom, @Nullable BigDecimal rate) {
        String words = targetFrom(targetFrom);
        return words == null || rate == null ? words : words + " of " + rate(rate);
    }

    /**
     * "81,770", "51", "48.1": thousands separated and at most one decimal place, as the publisher
     * prints its tables (a neighbours' mean or a rate worked out from counts carries many more).
     */
    static String plain(BigDecimal d) {
        DecimalFormat f = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

}
