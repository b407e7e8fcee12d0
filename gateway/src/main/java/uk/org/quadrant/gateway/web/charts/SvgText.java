package uk.org.quadrant.gateway.web.charts;

import java.math.BigDecimal;
import java.util.Locale;

/** Text and numbers written into SVG markup: escaped, so a label can never become markup. */
final class SvgText {

    private SvgText() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate, one decimal place, always with a dot. */
    static String coord(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** A figure as the service sent it: no trailing zeros, never in exponent form. */
    static String figure(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
