package uk.org.quadrant.gateway.web.charts;

import uk.org.quadrant.gateway.web.words.Words;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An indicator's trend as an accessible SVG line chart, drawn on the server (no script, no inline
 * styles): {@code role="img"} with a {@code <title>} and {@code <desc>}, labelled axes, the target as a
 * dashed line, benchmark lines named at their ends, and each point shaped by its RAG rating (circle
 * green, triangle amber, square red, diamond no target) with the rating in its tooltip, so colour is
 * never the only cue. The page always puts the same figures in a table next to it.
 */
public final class TrendChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 340;
    static final int LEFT = 70;
    static final int RIGHT = 150;
    static final int TOP = 20;
    static final int BOTTOM = 60;

    private static final String[] BENCHMARK_COLOURS = {"#4c2c92", "#f47738", "#28a197", "#d53880"};

    /** One period: its label, value, target and RAG ({@code RED}, {@code AMBER}, {@code GREEN}, {@code DATA_ONLY}). */
    public record Point(String label, @Nullable BigDecimal value, @Nullable BigDecimal target, @Nullable String rag) {
    }

    /** A comparison line (a benchmark such as "England"), one value per point, null where there is none. */
    public record Line(String name, List<BigDecimal> values) {
    }

    /** The value axis: from {@code low} to {@code high} in ticks of {@code step}. */
    record Axis(double low, double high, double step) {

        /** Ticks at round numbers covering every figure; a single figure (or none) still gets a span. */
        static Axis covering(List<BigDecimal> figures) {
            List<Double> v = figures.stream().filter(Objects::nonNull).map(BigDecimal::doubleValue).toList();
            if (v.isEmpty()) {
                return new Axis(0, 1, 0.2);
            }
            double min = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            if (min == max) {
                double spread = min == 0 ? 1 : Math.abs(min) * 0.1;
                min -= spread;
                max += spread;
                if (v.get(0) >= 0 && min < 0) {
                    min = 0;
                }
            }
            double step = niceStep((max - min) / 5);
            double low = Math.floor(min / step) * step;
            double high = Math.ceil(max / step) * step;
            if (high == low) {
                high = low + step;
            }
            return new Axis(low, high, step);
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / magnitude;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            // In decimal, so that 3 x 0.2 is 0.6 and not 0.6000000000000001 on the axis.
            BigDecimal first = BigDecimal.valueOf(low);
            BigDecimal by = BigDecimal.valueOf(step);
            for (int i = 0; low + i * step <= high + step / 1000; i++) {
                out.add(first.add(by.multiply(BigDecimal.valueOf(i))).doubleValue());
            }
            return out;
        }
    }

    private TrendChart() {
    }

    /**
     * @param title       what the chart shows (its {@code <title>})
     * @param description the figures in a sentence (its {@code <desc>})
     * @param valueLabel  the value axis's name, e.g. "Percent"
     * @param points      the periods, oldest first
     * @param benchmarks  comparison lines aligned with {@code points}
     */
    public static String svg(String title, String description, String valueLabel, List<Point> points, List<Line> benchmarks) {
        StringBuilder out = new StringBuilder()
                .append("<svg class=\"quadrant-trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" aria-labelledby=\"trend-chart-title trend-chart-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"trend-chart-title\">").append(SvgText.escape(title)).append("</title>")
                .append("<desc id=\"trend-chart-desc\">").append(SvgText.escape(description)).append("</desc>");
        List<BigDecimal> figures = new ArrayList<>();
        for (Point p : points) {
            figures.add(p.value());
            figures.add(p.target());
        }
        benchmarks.forEach(l -> figures.addAll(l.values()));
        boolean nothing = figures.stream().allMatch(Objects::isNull);
        Axis axis = Axis.covering(figures);
        axes(out, axis, valueLabel, points);
        if (nothing) {
            out.append("<text class=\"quadrant-trend-chart__empty\" x=\"").append(SvgText.coord(LEFT + plotWidth() / 2.0))
                    .append("\" y=\"").append(SvgText.coord(TOP + plotHeight() / 2.0))
                    .append("\" text-anchor=\"middle\" fill=\"#505a5f\">No figures recorded yet</text>");
            return out.append("</svg>").toString();
        }
        int n = points.size();
        List<BigDecimal> targets = points.stream().map(Point::target).toList();
        line(out, targets, n, axis, "#0b0c0c", "6 4", "Target", "quadrant-trend-chart__target");
        for (int b = 0; b < benchmarks.size(); b++) {
            Line l = benchmarks.get(b);
            line(out, l.values(), n, axis, BENCHMARK_COLOURS[b % BENCHMARK_COLOURS.length], "2 3", l.name(), "quadrant-trend-chart__benchmark");
        }
        line(out, points.stream().map(Point::value).toList(), n, axis, "#1d70b8", null, null, "quadrant-trend-chart__values");
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (p.value() != null) {
                marker(out, x(i, n), y(p.value().doubleValue(), axis), p);
            }
        }
        legend(out);
        return out.append("</svg>").toString();
    }

    static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** The i-th of n periods, evenly spread; a single period sits in the middle. */
    static double x(int i, int n) {
        if (n <= 1) {
            return LEFT + plotWidth() / 2.0;
        }
        double inset = 20;
        return LEFT + inset + i * (plotWidth() - 2 * inset) / (n - 1);
    }

    /** The axis's low at the bottom of the plot, its high at the top. */
    static double y(double value, Axis axis) {
        return TOP + (axis.high() - value) * plotHeight() / (axis.high() - axis.low());
    }

    static void axes(StringBuilder out, Axis axis, String valueLabel, List<Point> points) {
        out.append("<g class=\"quadrant-trend-chart__axes\">");
        for (double t : axis.ticks()) {
            double y = y(t, axis);
            out.append("<line stroke=\"#b1b4b6\" stroke-width=\"1\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth())
                    .append("\" y1=\"").append(SvgText.coord(y)).append("\" y2=\"").append(SvgText.coord(y)).append("\"/>")
                    .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(SvgText.coord(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#0b0c0c\" font-size=\"12\">").append(SvgText.figure(BigDecimal.valueOf(t)))
                    .append("</text>");
        }
        out.append("<line stroke=\"#0b0c0c\" stroke-width=\"1\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + plotHeight()).append("\"/>")
                .append("<line stroke=\"#0b0c0c\" stroke-width=\"1\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth())
                .append("\" y1=\"").append(TOP + plotHeight()).append("\" y2=\"").append(TOP + plotHeight()).append("\"/>");
        for (int i = 0; i < points.size(); i++) {
            out.append("<text x=\"").append(SvgText.coord(x(i, points.size()))).append("\" y=\"").append(TOP + plotHeight() + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-size=\"12\">").append(SvgText.escape(points.get(i).label()))
                    .append("</text>");
        }
        out.append("<text class=\"quadrant-trend-chart__axis-label\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-size=\"13\">Period</text>")
                .append("<text class=\"quadrant-trend-chart__axis-label\" x=\"16\" y=\"").append(TOP + plotHeight() / 2)
                .append("\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-size=\"13\" transform=\"rotate(-90 16 ")
                .append(TOP + plotHeight() / 2).append(")\">").append(SvgText.escape(valueLabel)).append("</text>")
                .append("</g>");
    }

    /** A line through the points that have a figure, named at its last point when {@code name} is given. */
    private static void line(StringBuilder out, List<BigDecimal> values, int n, Axis axis, String colour, String dash, String name,
                             String cssClass) {
        List<String> coords = new ArrayList<>();
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < values.size() && i < n; i++) {
            if (values.get(i) != null) {
                lastX = x(i, n);
                lastY = y(values.get(i).doubleValue(), axis);
                coords.add(SvgText.coord(lastX) + "," + SvgText.coord(lastY));
            }
        }
        if (coords.isEmpty()) {
            return;
        }
        if (coords.size() == 1) {
            // one figure: a short level line so it reads as a line, not a point
            coords = List.of(SvgText.coord(lastX - 20) + "," + SvgText.coord(lastY), SvgText.coord(lastX + 20) + "," + SvgText.coord(lastY));
            lastX += 20;
        }
        out.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"");
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append(" points=\"").append(String.join(" ", coords)).append("\"/>");
        if (name != null) {
            out.append("<text x=\"").append(SvgText.coord(lastX + 6)).append("\" y=\"").append(SvgText.coord(lastY + 4))
                    .append("\" fill=\"").append(colour).append("\" font-size=\"12\">").append(SvgText.escape(name)).append("</text>");
        }
    }

    private static void marker(StringBuilder out, double x, double y, Point p) {
        String rag = p.rag() == null ? "DATA_ONLY" : p.rag();
        out.append("<g class=\"quadrant-trend-chart__point quadrant-trend-chart__point--").append(SvgText.escape(rag.toLowerCase(java.util.Locale.ROOT)))
                .append("\"><title>").append(SvgText.escape(p.label() + ": " + SvgText.figure(p.value()) + ", " + Words.rag(rag).text()))
                .append("</title>");
        out.append(shape(rag, x, y));
        out.append("</g>");
    }

    static String shape(String rag, double x, double y) {
        String c = SvgText.coord(x);
        String stroke = "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>";
        return switch (rag) {
            case "GREEN" -> "<circle cx=\"" + c + "\" cy=\"" + SvgText.coord(y) + "\" r=\"6\" fill=\"#00703c" + stroke;
            case "AMBER" -> "<polygon points=\"" + c + "," + SvgText.coord(y - 7) + " " + SvgText.coord(x - 7) + "," + SvgText.coord(y + 6)
                    + " " + SvgText.coord(x + 7) + "," + SvgText.coord(y + 6) + "\" fill=\"#ffdd00" + stroke;
            case "RED" -> "<rect x=\"" + SvgText.coord(x - 6) + "\" y=\"" + SvgText.coord(y - 6) + "\" width=\"12\" height=\"12\" fill=\"#d4351c" + stroke;
            default -> "<polygon points=\"" + c + "," + SvgText.coord(y - 7) + " " + SvgText.coord(x + 7) + "," + SvgText.coord(y) + " "
                    + c + "," + SvgText.coord(y + 7) + " " + SvgText.coord(x - 7) + "," + SvgText.coord(y) + "\" fill=\"#ffffff" + stroke;
        };
    }

    private static void legend(StringBuilder out) {
        double x = LEFT + plotWidth() + 24;
        double y = TOP + 110;
        out.append("<g class=\"quadrant-trend-chart__legend\">");
        String[] entries = {"GREEN", "AMBER", "RED", "DATA_ONLY"};
        for (int i = 0; i < entries.length; i++) {
            double ly = y + i * 22;
            out.append(shape(entries[i], x, ly)).append("<text x=\"").append(SvgText.coord(x + 14)).append("\" y=\"")
                    .append(SvgText.coord(ly + 4)).append("\" fill=\"#0b0c0c\" font-size=\"12\">").append(Words.rag(entries[i]).text()).append("</text>");
        }
        out.append("</g>");
    }
}
