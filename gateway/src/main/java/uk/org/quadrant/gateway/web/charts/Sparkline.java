package uk.org.quadrant.gateway.web.charts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A small trend line for a table row, drawn on the server as inline SVG. It is decoration only
 * ({@code aria-hidden}): the figures it draws are written in text beside it, so nobody needs to see it.
 */
public final class Sparkline {

    static final int WIDTH = 100;
    static final int HEIGHT = 24;
    static final double PAD = 3;

    private Sparkline() {
    }

    /** The SVG for these values, oldest first (nulls skipped); empty text when there is nothing to draw. */
    public static String svg(List<BigDecimal> values) {
        List<BigDecimal> v = values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
        if (v.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder()
                .append("<svg class=\"quadrant-sparkline\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\"")
                .append(" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        if (v.size() > 1) {
            out.append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "" : " ").append(SvgText.coord(x(i, v.size()))).append(',').append(SvgText.coord(y(v.get(i), v)));
            }
            out.append("\"/>");
        }
        int last = v.size() - 1;
        out.append("<circle fill=\"#0b0c0c\" r=\"2.5\" cx=\"").append(SvgText.coord(x(last, v.size())))
                .append("\" cy=\"").append(SvgText.coord(y(v.get(last), v))).append("\"/>");
        return out.append("</svg>").toString();
    }

    /** Evenly spread across the width; a single point sits in the middle. */
    static double x(int i, int n) {
        if (n <= 1) {
            return WIDTH / 2.0;
        }
        return PAD + i * (WIDTH - 2 * PAD) / (n - 1);
    }

    /** Highest value at the top, lowest at the bottom; a flat series runs through the middle. */
    static double y(BigDecimal value, List<BigDecimal> all) {
        double min = all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        if (max == min) {
            return HEIGHT / 2.0;
        }
        return PAD + (max - value.doubleValue()) * (HEIGHT - 2 * PAD) / (max - min);
    }
}
