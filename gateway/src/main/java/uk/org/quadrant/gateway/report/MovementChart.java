package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.report.LearningReport.Movement;
import uk.org.quadrant.gateway.report.LearningReport.Point;
import uk.org.quadrant.gateway.web.charts.ComparisonChart;

import java.util.List;

/**
 * A headline movement as the gateway's accessible SVG line chart ({@link ComparisonChart}, the chart of
 * the indicator pages): the partnership's figure over the movement's periods, its title the indicator
 * and its description the movement's sentence. The page, the PDF and the DOCX draw the same SVG.
 */
final class MovementChart {

    private MovementChart() {
    }

    static String svg(String id, Movement m) {
        List<String> periods = m.points().stream().map(Point::period).toList();
        ComparisonChart.Line ours = new ComparisonChart.Line("Our figure", m.points().stream().map(Point::value).toList());
        return ComparisonChart.svg(id, m.title(), m.sentence(), axis(m.unit()), periods, List.of(ours));
    }

    /** The SVG with an {@code alt} attribute, for the PDF renderer's figure tag. */
    static String withAlt(String svg, String alt) {
        String escaped = alt.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return svg.replaceFirst("^<svg ", java.util.regex.Matcher.quoteReplacement("<svg alt=\"" + escaped + "\" "));
    }

    /** The value axis's name. */
    static String axis(String unit) {
        return switch (unit == null ? "" : unit) {
            case "PERCENT" -> "Percent";
            case "RATE_PER_10K" -> "Per 10,000 children";
            case "DAYS" -> "Days";
            default -> "Number";
        };
    }
}
