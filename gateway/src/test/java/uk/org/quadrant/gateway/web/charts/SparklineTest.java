package uk.org.quadrant.gateway.web.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparklineTest {

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    @Test
    void theHighestValueIsAtTheTopAndTheLowestAtTheBottom() {
        String svg = Sparkline.svg(values("569", "607", "730"));
        // x from 3 to 97, y from 21 (lowest) to 3 (highest)
        assertTrue(svg.contains("points=\"3.0,21.0 50.0,16.8 97.0,3.0\""), svg);
        assertTrue(svg.contains("<circle fill=\"#0b0c0c\" r=\"2.5\" cx=\"97.0\" cy=\"3.0\"/>"), "the latest point is marked: " + svg);
    }

    @Test
    void itIsDecorationOnly() {
        String svg = Sparkline.svg(values("1", "2"));
        assertTrue(svg.startsWith("<svg class=\"quadrant-sparkline\""), svg);
        assertTrue(svg.contains("aria-hidden=\"true\""), svg);
        assertTrue(svg.contains("focusable=\"false\""), svg);
    }

    @Test
    void nothingToDrawIsNoSvg() {
        assertEquals("", Sparkline.svg(List.of()));
        assertEquals("", Sparkline.svg(null));
        assertEquals("", Sparkline.svg(values((String) null)));
    }

    @Test
    void aSinglePointSitsInTheMiddleWithoutALine() {
        String svg = Sparkline.svg(values("45"));
        assertFalse(svg.contains("polyline"), svg);
        assertTrue(svg.contains("cx=\"50.0\" cy=\"12.0\""), svg);
    }

    @Test
    void aFlatSeriesRunsThroughTheMiddleAndGapsAreSkipped() {
        String svg = Sparkline.svg(values("10", null, "10"));
        assertTrue(svg.contains("points=\"3.0,12.0 97.0,12.0\""), svg);
    }
}
