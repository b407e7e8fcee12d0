package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary.Line;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How each mapped indicator's figure compares, for the board's exceptions and the annual report: one
 * call ({@code GET /api/v1/benchmarks?period=}) for the whole page, never one per indicator. A figure is
 * described only for the period the published figures are for; an indicator without a comparison for
 * that period (not mapped, nothing imported, another period, or the service not answering) says nothing,
 * and the page stays as it was.
 */
public final class HowItCompares {

    private static final HowItCompares NONE = new HowItCompares(Map.of());

    private final Map<String, Line> byIndicator;

    private HowItCompares(Map<String, Line> byIndicator) {
        this.byIndicator = byIndicator;
    }

    public static HowItCompares none() {
        return NONE;
    }

    /** From the list's panel; nothing when the service did not answer. */
    public static HowItCompares of(Panel<BenchmarkSummary> summary) {
        if (!summary.available() || summary.data() == null || summary.data().indicators() == null) {
            return NONE;
        }
        Map<String, Line> lines = new HashMap<>();
        List<Line> all = summary.data().indicators();
        all.stream().filter(Objects::nonNull).filter(l -> l.indicator() != null && l.period() != null)
                .forEach(l -> lines.put(l.indicator(), l));
        return new HowItCompares(lines);
    }

    /**
     * "Higher than England and similar authorities" for the indicator's published figure of {@code period}
     * ("Per 10,000 children, lower than …" for a count, compared by its rate); null when there is no comparison for that period.
     */
    @Nullable
    public String words(@Nullable String indicator, @Nullable String period) {
        Line line = indicator == null ? null : byIndicator.get(indicator);
        if (line == null || period == null || !period.equals(line.period())) {
            return null;
        }
        String words = line.byRate()
                ? ComparisonWording.forBoard(line.rate(), line.englandRate(), line.neighboursRateMean(), true)
                : ComparisonWording.forBoard(line.value(), line.england(), line.neighboursMean());
        return words == null ? null : BenchmarkRows.capitalise(words);
    }
}
