package uk.org.quadrant.indicators.benchmarks;

import java.util.Locale;
import java.util.Set;

/**
 * The symbols EES writes in a numeric column instead of a figure: {@code c} confidential, {@code x}
 * not available, {@code z} not applicable, {@code u} low reliability, {@code low} a small number,
 * {@code k} fewer than 0.5, {@code ~} and {@code :}. Kept as written, never read as 0.
 */
final class SpecialCodes {

    private static final Set<String> CODES = Set.of("c", "x", "z", "u", "low", "k", "~", ":");

    private SpecialCodes() {
    }

    /** The code in the form it is stored (lower case), or null if the text is not one. */
    static String of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return CODES.contains(t) ? t : null;
    }

    static String known() {
        return "c, x, z, u, low, k, ~, :";
    }
}
