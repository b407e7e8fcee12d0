package uk.org.quadrant.gateway.web.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendChartTest {

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(TrendChartTest::d).toList();
    }

    @Test
    void theAxisCoversEveryFigureInRoundSteps() {
        TrendChart.Axis axis = TrendChart.Axis.covering(values("569", "607", "730", "650"));
        assertEquals(550, axis.low());
        assertEquals(750, axis.high());
        assertEquals(50, axis.step());
        assertEquals(List.of(550.0, 600.0, 650.0, 700.0, 750.0), axis.ticks());
    }

    @Test
    void fractionalTicksAreRoundNumbersOnTheAxis() {
        TrendChart.Axis empty = TrendChart.Axis.covering(List.of());
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), empty.ticks());
        String svg = TrendChart.svg("t", "d", "Rate", List.of(), List.of());
        assertTrue(svg.contains(">0.6</text>"), svg);
        assertFalse(svg.contains("0000"), "no floating-point noise such as 0.6000000000000001: " + svg);
    }

    @Test
    void valuesAreScaledLowAtTheBottomHighAtTheTop() {
        TrendChart.Axis axis = new TrendChart.Axis(0, 100, 20);
        assertEquals(TrendChart.TOP + TrendChart.plotHeight(), TrendChart.y(0, axis), 0.001);
        assertEquals(TrendChart.TOP, TrendChart.y(100, axis), 0.001);
        assertEquals(TrendChart.TOP + TrendChart.plotHeight() / 2.0, TrendChart.y(50, axis), 0.001);
        assertEquals(TrendChart.LEFT + 20, TrendChart.x(0, 3), 0.001);
        assertEquals(TrendChart.LEFT + TrendChart.plotWidth() - 20, TrendChart.x(2, 3), 0.001);
    }

    @Test
    void theChartIsAnAccessibleImageWithTargetBenchmarksAndShapedPoints() {
        String svg = TrendChart.svg("Children subject to a plan", "569 in 2015/16, 730 in 2017/18", "Count",
                List.of(new TrendChart.Point("2015/16", d("569"), d("600"), "RED"),
                        new TrendChart.Point("2016/17", d("607"), d("600"), "GREEN"),
                        new TrendChart.Point("2017/18", d("730"), d("700"), "AMBER")),
                List.of(new TrendChart.Line("England", values("500", null, "560"))));
        assertTrue(svg.contains("role=\"img\""), svg);
        assertTrue(svg.contains("<title id=\"trend-chart-title\">Children subject to a plan</title>"), svg);
        assertTrue(svg.contains("<desc id=\"trend-chart-desc\">569 in 2015/16, 730 in 2017/18</desc>"), svg);
        assertTrue(svg.contains("quadrant-trend-chart__target"), "target line");
        assertTrue(svg.contains(">Target</text>"), "the target line is named");
        assertTrue(svg.contains(">England</text>"), "the benchmark line is named");
        assertTrue(svg.contains("<title>2015/16: 569, Red</title><rect"), "red is a square with its rating in words: " + svg);
        assertTrue(svg.contains("<title>2016/17: 607, Green</title><circle"), "green is a circle");
        assertTrue(svg.contains("<title>2017/18: 730, Amber</title><polygon"), "amber is a triangle");
        assertTrue(svg.contains(">Period</text>") && svg.contains(">Count</text>"), "both axes are labelled");
        assertTrue(svg.contains(">2016/17</text>"), "periods on the x axis");
    }

    @Test
    void anEmptySeriesSaysSo() {
        String svg = TrendChart.svg("Title", "No figures", "Percent", List.of(), List.of());
        assertTrue(svg.contains("role=\"img\""), svg);
        assertTrue(svg.contains("No figures recorded yet"), svg);
        assertFalse(svg.contains("polyline"), svg);
    }

    @Test
    void aSinglePointIsCentredOnAnAxisThatSpansIt() {
        String svg = TrendChart.svg("Title", "45 in 2017/18", "Percent",
                List.of(new TrendChart.Point("2017/18", d("45"), null, "DATA_ONLY")), List.of());
        TrendChart.Axis axis = TrendChart.Axis.covering(values("45"));
        assertTrue(axis.low() < 45 && axis.high() > 45, axis.toString());
        String cx = String.format(java.util.Locale.ROOT, "%.1f", TrendChart.LEFT + TrendChart.plotWidth() / 2.0);
        assertTrue(svg.contains("<title>2017/18: 45, No target</title><polygon points=\"" + cx + ","), svg);
        assertTrue(TrendChart.Axis.covering(values("0")).high() > 0, "a lone zero still has a span");
    }

    @Test
    void labelsCannotBecomeMarkup() {
        String svg = TrendChart.svg("<script>", "a & b", "Count",
                List.of(new TrendChart.Point("<b>", d("1"), null, "GREEN")), List.of());
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("&lt;script&gt;") && svg.contains("a &amp; b") && svg.contains("&lt;b&gt;"), svg);
    }
}
