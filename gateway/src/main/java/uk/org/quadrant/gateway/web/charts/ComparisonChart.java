package uk.org.quadrant.gateway.web.charts;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several figures over the same periods as an accessible SVG line chart (the partnership against
 * England, its region and its neighbours), drawn on the server like {@link TrendChart} and on the same
 * axes: {@code role="img"} with a {@code <title>} and {@code <desc>}, and each line told apart without
 * colour by its own dash pattern and point shape, named in a legend that shows both. The page puts the
 * same figures in a table next to it.
 */
public final class ComparisonChart {

    /** How a line is drawn: solid circles, dashed squares, dotted triangles, dash-dot diamonds. */
    private static final String[][] STYLES = {
            {"#1d70b8", null, "circle"},
            {"#0b0c0c", "8 4", "square"},
            {"#4c2c92", "2 3", "triangle"},
            {"#d53880", "10 3 2 3", "diamond"}};

    /** One line: its name and one figure per period (null where there is none). */
    public record Line(String name, List<BigDecimal> values) {
    }

    private ComparisonChart() {
    }

    /**
     * @param id          the prefix of the chart's element ids (unique on the page)
     * @param title       what the chart shows
     * @param description the figures in a sentence
     * @param valueLabel  the value axis's name
     * @param periods     the period labels, oldest first
     * @param lines       up to four lines, each aligned with {@code periods}; the first is the partnership's
     */
    public static String svg(String id, String title, String description, String valueLabel, List<String> periods, List<Line> lines) {
        StringBuilder out = new StringBuilder()
                .append("<svg class=\"quadrant-trend-chart quadrant-comparison-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" viewBox=\"0 0 ")
                .append(TrendChart.WIDTH).append(' ').append(TrendChart.HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"").append(id).append("-title\">").append(SvgText.escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(SvgText.escape(description)).append("</desc>");
        List<BigDecimal> figures = new ArrayList<>();
        lines.forEach(l -> figures.addAll(l.values()));
        TrendChart.Axis axis = TrendChart.Axis.covering(figures);
        List<TrendChart.Point> points = periods.stream().map(p -> new TrendChart.Point(p, null, null, null)).toList();
        TrendChart.axes(out, axis, valueLabel, points);
        int n = periods.size();
        for (int i = 0; i < lines.size() && i < STYLES.length; i++) {
            Line line = lines.get(i);
            String[] style = STYLES[i];
            polyline(out, line.values(), n, axis, style);
            for (int p = 0; p < n && p < line.values().size(); p++) {
                BigDecimal v = line.values().get(p);
                if (v != null) {
                    out.append("<g class=\"quadrant-comparison-chart__point\"><title>")
                            .append(SvgText.escape(line.name() + ", " + periods.get(p) + ": " + SvgText.figure(v))).append("</title>")
                            .append(shape(style, TrendChart.x(p, n), TrendChart.y(v.doubleValue(), axis))).append("</g>");
                }
            }
        }
        legend(out, lines);
        return out.append("</svg>").toString();
    }

    private static void polyline(StringBuilder out, List<BigDecimal> values, int n, TrendChart.Axis axis, String[] style) {
        List<String> coords = new ArrayList<>();
        for (int i = 0; i < values.size() && i < n; i++) {
            if (values.get(i) != null) {
                coords.add(SvgText.coord(TrendChart.x(i, n)) + "," + SvgText.coord(TrendChart.y(values.get(i).doubleValue(), axis)));
            }
        }
        if (coords.size() < 2) {
            return;
        }
        out.append("<polyline class=\"quadrant-comparison-chart__line\" fill=\"none\" stroke=\"").append(style[0]).append("\" stroke-width=\"2\"");
        if (style[1] != null) {
            out.append(" stroke-dasharray=\"").append(style[1]).append('"');
        }
        out.append(" points=\"").append(String.join(" ", coords)).append("\"/>");
    }

    static String shape(String[] style, double x, double y) {
        String fill = "\" fill=\"" + style[0] + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
        String c = SvgText.coord(x);
        return switch (style[2]) {
            case "square" -> "<rect x=\"" + SvgText.coord(x - 5) + "\" y=\"" + SvgText.coord(y - 5) + "\" width=\"10\" height=\"10" + fill;
            case "triangle" -> "<polygon points=\"" + c + "," + SvgText.coord(y - 7) + " " + SvgText.coord(x - 7) + "," + SvgText.coord(y + 6)
                    + " " + SvgText.coord(x + 7) + "," + SvgText.coord(y + 6) + fill;
            case "diamond" -> "<polygon points=\"" + c + "," + SvgText.coord(y - 7) + " " + SvgText.coord(x + 7) + "," + SvgText.coord(y) + " "
                    + c + "," + SvgText.coord(y + 7) + " " + SvgText.coord(x - 7) + "," + SvgText.coord(y) + fill;
            default -> "<circle cx=\"" + c + "\" cy=\"" + SvgText.coord(y) + "\" r=\"5" + fill;
        };
    }

    /** Each line's dash pattern and point shape with its name, to the right of the plot. */
    private static void legend(StringBuilder out, List<Line> lines) {
        double x = TrendChart.LEFT + TrendChart.plotWidth() + 12;
        double y = TrendChart.TOP + 90;
        out.append("<g class=\"quadrant-comparison-chart__legend\">");
        for (int i = 0; i < lines.size() && i < STYLES.length; i++) {
            String[] style = STYLES[i];
            double ly = y + i * 24;
            out.append("<line x1=\"").append(SvgText.coord(x)).append("\" x2=\"").append(SvgText.coord(x + 28)).append("\" y1=\"")
                    .append(SvgText.coord(ly)).append("\" y2=\"").append(SvgText.coord(ly)).append("\" stroke=\"").append(style[0])
                    .append("\" stroke-width=\"2\"").append(style[1] == null ? "" : " stroke-dasharray=\"" + style[1] + "\"").append("/>")
                    .append(shape(style, x + 14, ly))
                    .append("<text x=\"").append(SvgText.coord(x + 34)).append("\" y=\"").append(SvgText.coord(ly + 4))
                    .append("\" fill=\"#0b0c0c\" font-size=\"12\">").append(SvgText.escape(shortName(lines.get(i).name()))).append("</text>");
        }
        out.append("</g>");
    }

    /** Legend names fit the space beside the plot. */
    static String shortName(String name) {
        return name.length() > 16 ? name.substring(0, 15) + "…" : name;
    }

    /** Whether any line has a figure. */
    public static boolean anyFigure(List<Line> lines) {
        return lines.stream().flatMap(l -> l.values().stream()).anyMatch(Objects::nonNull);
    }
}
