package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.Comparison;
import uk.org.quadrant.gateway.clients.indicators.Comparison.Member;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.web.charts.ComparisonChart;
import uk.org.quadrant.gateway.web.forms.Dates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The "How it compares" section of an indicator's page, from one comparison per period: the latest
 * period with a published figure gives the sentence, the figures beside it and the neighbours' table;
 * every period gives the chart over time (partnership, England, region, neighbours' mean) and its table.
 * A count ({@link Comparison#byRate()}) is shown with its rate per 10,000 children beside it, and the chart
 * and its table are of the rates (the count is what is published; the rate is what is compared).
 *
 * @param compared   whether any period has a published comparison (otherwise the indicator is not mapped
 *                   or nothing has been imported for it)
 * @param periodLabel the latest compared period, in words
 * @param sentence   the plain-English sentence
 * @param figures    the latest period's figures as summary-list rows (key, value)
 * @param neighbours the neighbours' figures, in the service's order
 * @param chart      the SVG chart over time
 * @param overTime   the chart's figures, one row per period
 * @param source     where the figures came from, in words
 * @param byRate     whether the indicator is a count compared by its rate per 10,000 children (the neighbours'
 *                   table has a rate column; the chart and its table are of rates)
 */
public record ComparisonSection(boolean compared, String periodLabel, String sentence, List<Map<String, String>> figures,
                                List<NeighbourRow> neighbours, String chart, List<PeriodRow> overTime, String source, boolean byRate) {

    /** One neighbour: name, figure in words, its rate per 10,000 children (a count's; empty otherwise) and closeness band. */
    public record NeighbourRow(String name, String figure, String rate, String closeness) {
    }

    /** One period of the chart's table. */
    public record PeriodRow(String periodLabel, String partnership, String england, String region, String neighboursMean) {
    }

    static final ComparisonSection NONE = new ComparisonSection(false, "", "", List.of(), List.of(), "", List.of(), "", false);

    /**
     * The section from the comparison series (every period with published figures, oldest first; at most
     * the last {@link #PERIODS}). A 404 is an indicator without figures; any other failure greys the section out.
     */
    public static Panel<ComparisonSection> of(Indicator indicator, CompletableFuture<Reply<List<Comparison>>> call) {
        Reply<List<Comparison>> reply;
        try {
            reply = call.join();
        } catch (CompletionException | DownstreamUnavailableException e) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        if (reply.status() == 404) {
            return Panel.of(NONE, Service.INDICATORS.displayName());
        }
        if (!reply.ok()) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        List<Comparison> all = reply.body() == null ? List.of() : reply.body().stream().filter(java.util.Objects::nonNull).toList();
        List<Comparison> shown = all.size() <= PERIODS ? all : all.subList(all.size() - PERIODS, all.size());
        Comparison latest = null;
        for (int i = shown.size() - 1; i >= 0 && latest == null; i--) {
            if (shown.get(i).la() != null) {
                latest = shown.get(i);
            }
        }
        if (latest == null) {
            return Panel.of(NONE, Service.INDICATORS.displayName());
        }
        return Panel.of(build(indicator, shown, latest), Service.INDICATORS.displayName());
    }

    /** How many periods the chart and its table show at most (the latest). */
    static final int PERIODS = 12;

    static ComparisonSection build(Indicator indicator, List<Comparison> found, Comparison latest) {
        String unit = indicator.unit();
        String polarity = indicator.polarity();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> own = new ArrayList<>();
        List<BigDecimal> england = new ArrayList<>();
        List<BigDecimal> region = new ArrayList<>();
        List<BigDecimal> mean = new ArrayList<>();
        List<PeriodRow> rows = new ArrayList<>();
        boolean byRate = latest.byRate();
        for (Comparison c : found) {
            String label = ComparisonWording.periodLabel(c);
            labels.add(label);
            // A count's chart is of its rates: the counts of authorities of different sizes do not compare.
            own.add(ComparisonWording.compared(c.la(), c));
            england.add(ComparisonWording.compared(c.england(), c));
            region.add(ComparisonWording.compared(c.region(), c));
            mean.add(ComparisonWording.neighboursMean(c));
            BigDecimal neighboursMean = ComparisonWording.neighboursMean(c);
            rows.add(new PeriodRow(label, cell(c.la(), c), cell(c.england(), c), cell(c.region(), c),
                    c.neighbours() == null || neighboursMean == null ? "no figure" : ComparisonWording.figure(neighboursMean, null)));
        }
        String la = areaName(latest.la(), "The partnership");
        String regionName = areaName(latest.region(), "Region");
        List<ComparisonChart.Line> lines = List.of(new ComparisonChart.Line(la, own), new ComparisonChart.Line("England", england),
                new ComparisonChart.Line(regionName, region), new ComparisonChart.Line("Neighbours' mean", mean));
        String title = indicator.title() + (byRate ? " per 10,000 children" : "") + ": compared with England, " + regionName
                + " and the statistical neighbours";
        String chart = ComparisonChart.svg("comparison-chart", title, (byRate ? "Per 10,000 children aged 0 to 17. " : "")
                + description(rows, la, regionName), byRate ? unitLabel("RATE_PER_10K") : unitLabel(unit), labels, lines);
        return new ComparisonSection(true, ComparisonWording.periodLabel(latest),
                ComparisonWording.sentence(latest, unit, polarity),
                figures(latest, polarity), neighbours(latest), chart, rows, source(latest), byRate);
    }

    /** A period's figure in the chart's table: the figure, or for a count its rate ("not published (c)", "no rate" without one). */
    private static String cell(@Nullable Comparison.Area area, Comparison c) {
        if (!c.byRate() || area == null || area.value() == null) {
            return ComparisonWording.figure(area);
        }
        return area.rate() == null ? "no rate" : ComparisonWording.figure(area.rate(), null);
    }

    private static String areaName(@Nullable Comparison.Area area, String fallback) {
        return area == null || area.name() == null || area.name().isBlank() ? fallback : area.name();
    }

    private static String unitLabel(@Nullable String unit) {
        return switch (unit == null ? "" : unit) {
            case "RATE_PER_10K" -> "Rate per 10,000 children";
            case "PERCENT" -> "Percent";
            case "DAYS" -> "Days";
            default -> "Number";
        };
    }

    /** The chart's figures in a sentence, for its {@code <desc>}. */
    static String description(List<PeriodRow> rows, String la, String region) {
        List<String> parts = new ArrayList<>();
        for (PeriodRow r : rows) {
            parts.add(r.periodLabel() + ": " + la + " " + r.partnership() + ", England " + r.england() + ", " + region + " "
                    + r.region() + ", neighbours' mean " + r.neighboursMean());
        }
        return parts.isEmpty() ? "No published figures." : String.join("; ", parts) + ".";
    }

    static List<Map<String, String>> figures(Comparison c, @Nullable String polarity) {
        List<Map<String, String>> rows = new ArrayList<>();
        Comparison.Area la = c.la();
        rows.add(row("Published figure" + (la != null && la.name() != null ? " (" + la.name() + ")" : ""), figure(la, c)));
        if (la != null && la.localValue() != null && (la.value() == null || la.localValue().compareTo(la.value()) != 0)) {
            rows.add(row("Quadrant's own figure", ComparisonWording.figure(la.localValue(), null)));
        }
        rows.add(row("England", figure(c.england(), c)));
        if (c.region() != null) {
            rows.add(row(areaName(c.region(), "Region") + " (region)", figure(c.region(), c)));
        }
        Comparison.Neighbours n = c.neighbours();
        if (n != null && c.byRate()) {
            Integer withRate = n.rateWithData();
            String with = withRate == null ? "" : " (" + withRate + " of " + ComparisonWording.members(c).size() + " neighbours with data)";
            rows.add(row("Neighbours' mean rate", ComparisonWording.rate(n.rateMean()) + with));
            rows.add(row("Neighbours' median rate", ComparisonWording.rate(n.rateMedian())));
        } else if (n != null) {
            String with = n.withData() == null ? "" : " (" + n.withData() + " of " + ComparisonWording.members(c).size()
                    + " neighbours with data)";
            rows.add(row("Neighbours' mean", ComparisonWording.figure(n.mean(), null) + with));
            rows.add(row("Neighbours' median", ComparisonWording.figure(n.median(), null)));
        }
        rows.add(row("Rank", capitalise(ComparisonWording.rank(c.rank())) + (c.byRate() && c.rank() != null && c.rank().position() != null
                ? ", by rate per 10,000 children" : "")));
        rows.add(row("Quartile", capitalise(ComparisonWording.quartile(c.quartile(), polarity))));
        return rows;
    }

    static List<NeighbourRow> neighbours(Comparison c) {
        List<NeighbourRow> out = new ArrayList<>();
        for (Member m : ComparisonWording.members(c)) {
            String rate = !c.byRate() ? "" : m.rate() != null ? ComparisonWording.figure(m.rate(), null)
                    : m.value() == null ? ComparisonWording.figure(null, m.suppressed()) : "no rate";
            out.add(new NeighbourRow(m.name() == null ? m.code() : m.name(), ComparisonWording.figure(m.value(), m.suppressed()), rate,
                    m.closeness() == null ? "Not given" : capitalise(m.closeness().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))));
        }
        return out;
    }

    /** "Children looked after, file cla_2025.csv, imported on 7 December 2026 by manager." */
    static String source(Comparison c) {
        Comparison.Source s = c.source();
        String model = c.neighbours() == null || c.neighbours().model() == null ? ""
                : " Statistical neighbours: the " + c.neighbours().model() + " model.";
        if (s == null) {
            return "Published statistics (Explore Education Statistics)." + model;
        }
        StringBuilder out = new StringBuilder("Published statistics (Explore Education Statistics)");
        String file = s.file();
        if (file != null && !file.isBlank()) {
            out.append(", file ").append(file);
        }
        if (s.dataSetId() != null) {
            out.append(", data set ").append(s.dataSetId());
            if (s.dataSetVersion() != null) {
                out.append(" version ").append(s.dataSetVersion());
            }
        }
        if (s.importedAt() != null) {
            out.append(", imported on ").append(Dates.words(s.importedAt()));
        }
        if (s.importedBy() != null) {
            out.append(" by ").append(s.importedBy());
        }
        return out.append('.').append(model).toString();
    }

    /** An area's figure: a count with its rate ("800 (51 per 10,000 children)"), anything else as it is. */
    private static String figure(@Nullable Comparison.Area area, Comparison c) {
        if (!c.byRate() || area == null) {
            return ComparisonWording.figure(area);
        }
        return ComparisonWording.countAndRate(area.value(), area.suppressed(), area.rate());
    }

    private static Map<String, String> row(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
